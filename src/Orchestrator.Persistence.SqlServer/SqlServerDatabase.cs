using Microsoft.EntityFrameworkCore;

namespace Orchestrator.Persistence.SqlServer;

/// <summary>Wires the context to SQL Server with this assembly's migrations.</summary>
public static class SqlServerDatabase
{
    public static DbContextOptionsBuilder UseOrchestratorSqlServer(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlServer(connectionString, sql =>
        {
            sql.MigrationsAssembly(typeof(SqlServerDatabase).Assembly.FullName);
            sql.EnableRetryOnFailure();
        });
}
