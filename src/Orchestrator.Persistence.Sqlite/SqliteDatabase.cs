using Microsoft.EntityFrameworkCore;

namespace Orchestrator.Persistence.Sqlite;

/// <summary>Wires the context to SQLite with this assembly's migrations.</summary>
public static class SqliteDatabase
{
    public static DbContextOptionsBuilder UseOrchestratorSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteDatabase).Assembly.FullName));
}
