using Microsoft.EntityFrameworkCore;

namespace Orchestrator.Persistence.Sqlite;

/// <summary>Wires the context to SQLite with this assembly's migrations.</summary>
public static class SqliteDatabase
{
    /// <summary>One gate for every context of the process: it queues write transactions per database file (see <see cref="SqliteWriteGate"/>).</summary>
    private static readonly SqliteWriteGate WriteGate = new();

    public static DbContextOptionsBuilder UseOrchestratorSqlite(this DbContextOptionsBuilder options, string connectionString, int? maxPageCount = null)
    {
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteDatabase).Assembly.FullName))
            .AddInterceptors(WriteGate);
        return maxPageCount is { } pages ? options.AddInterceptors(new SqlitePageLimit(pages)) : options;
    }
}
