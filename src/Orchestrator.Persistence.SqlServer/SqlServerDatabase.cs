using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace Orchestrator.Persistence.SqlServer;

/// <summary>Wires the context to SQL Server with this assembly's migrations.</summary>
public static class SqlServerDatabase
{
    /// <summary>Seconds to wait for a connection when the connection string does not say: a database that is down fails a request fast.</summary>
    private const int ConnectTimeoutSeconds = 3;

    public static DbContextOptionsBuilder UseOrchestratorSqlServer(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlServer(WithConnectTimeout(connectionString), sql =>
        {
            // No retrying execution strategy, as on PostgreSQL and SQLite: it refuses the transactions our own code opens
            // (a workflow step with the stock it reserves, the audit of a new record), and a failure is retried where it is
            // understood instead: a request answers 503 and the caller decides, a workflow step backs off and runs again.
            sql.MigrationsAssembly(typeof(SqlServerDatabase).Assembly.FullName);
        });

    private static string WithConnectTimeout(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.ConnectTimeout = ConnectTimeoutSeconds;
        }

        return builder.ToString();
    }
}
