using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Orchestrator.Persistence.PostgreSql;

/// <summary>Wires the context to PostgreSQL with this assembly's migrations.</summary>
public static class PostgreSqlDatabase
{
    /// <summary>Seconds to wait for a connection when the connection string does not say: a database that is down fails a request fast.</summary>
    private const int ConnectTimeoutSeconds = 3;

    public static DbContextOptionsBuilder UseOrchestratorPostgreSql(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(WithConnectTimeout(connectionString), npgsql => npgsql.MigrationsAssembly(typeof(PostgreSqlDatabase).Assembly.FullName));

    private static string WithConnectTimeout(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.Timeout = ConnectTimeoutSeconds;
        }

        return builder.ToString();
    }
}
