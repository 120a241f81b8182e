using Microsoft.EntityFrameworkCore;

namespace Orchestrator.Persistence.PostgreSql;

/// <summary>Wires the context to PostgreSQL with this assembly's migrations.</summary>
public static class PostgreSqlDatabase
{
    public static DbContextOptionsBuilder UseOrchestratorPostgreSql(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgreSqlDatabase).Assembly.FullName));
}
