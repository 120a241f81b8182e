using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Orchestrator.Persistence.PostgreSql;

/// <summary>Wires the context to PostgreSQL with this assembly's migrations.</summary>
public static class PostgreSqlDatabase
{
    /// <summary>Seconds to wait for a connection when the connection string does not say: a database that is down fails a request fast.</summary>
    private const int ConnectTimeoutSeconds = 3;

    /// <summary>
    /// Connections one server opens at most when the connection string does not say. Npgsql's own default (100) is all a
    /// default PostgreSQL allows (<c>max_connections</c> 100, three of them kept for superusers): a busy server used to
    /// take them all and get "too many clients" (53300), which answered callers 503. Below it, a burst waits in the
    /// pool's queue instead; a cluster of servers needs <c>max_connections</c> above servers × this.
    /// </summary>
    public const int DefaultMaxPoolSize = 50;

    /// <summary>
    /// Statements each connection keeps prepared when the connection string does not say (Npgsql's automatic preparation;
    /// its default is none). The hot path sends the same few dozen statements for every order, and PostgreSQL parsed and
    /// planned each anew: prepared after their second use, PostgreSQL's own CPU per order fell by about a quarter
    /// (docs/decisions.md, ninth session). Unused ones make room for others (least recently used first).
    /// </summary>
    public const int DefaultMaxAutoPrepare = 128;

    /// <summary>Uses of one statement on a connection before it is prepared, when the connection string does not say.</summary>
    public const int DefaultAutoPrepareMinUsages = 2;

    /// <summary>
    /// Whether a connection going back to the pool is reset, when the connection string does not say: not by default.
    /// Npgsql resets a pooled connection that has prepared statements with seven statements of its own (<c>SET SESSION
    /// AUTHORIZATION DEFAULT</c>, <c>RESET ALL</c>, <c>CLOSE ALL</c>, <c>UNLISTEN *</c>, <c>pg_advisory_unlock_all()</c>,
    /// <c>DISCARD SEQUENCES</c>, <c>DISCARD TEMP</c>), sent ahead of the next command: EF opens and closes the connection
    /// around every query outside a transaction, so that was some twenty resets per order. This server keeps no session
    /// state on a connection (no <c>SET</c>, no session advisory lock, no <c>LISTEN</c>, no temporary table; Orleans'
    /// schema lock is a transaction's), and a transaction left open is still rolled back when its connection is returned.
    /// </summary>
    public const bool DefaultNoResetOnClose = true;

    public static DbContextOptionsBuilder UseOrchestratorPostgreSql(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(WithDefaults(connectionString), npgsql => npgsql.MigrationsAssembly(typeof(PostgreSqlDatabase).Assembly.FullName));

    /// <summary>The connection string with this server's defaults for what it leaves out: connect timeout, pool size, automatic preparation and the reset on close.</summary>
    private static string WithDefaults(string connectionString)
    {
        // Npgsql's builder answers every keyword it knows as present: the keys as written are read by the plain one.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.Timeout = ConnectTimeoutSeconds;
        }

        if (!given.Contains("MaximumPoolSize") && !given.Contains("MaxPoolSize"))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        if (!given.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
            if (!given.Contains("AutoPrepareMinUsages"))
            {
                builder.AutoPrepareMinUsages = DefaultAutoPrepareMinUsages;
            }
        }

        if (!given.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = DefaultNoResetOnClose;
        }

        return builder.ToString();
    }
}
