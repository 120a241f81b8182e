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
            sql.MigrationsAssembly(typeof(SqlServerDatabase).Assembly.FullName);

            // A blip is retried, but briefly: the default (6 retries up to 30 s apart) would hold a request for minutes
            // while the database is down, where a quick 503 lets the caller decide.
            sql.EnableRetryOnFailure(maxRetryCount: 2, maxRetryDelay: TimeSpan.FromSeconds(1), errorNumbersToAdd: null);
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
