using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Sqlite;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Persistence;

/// <summary>
/// Every connection the contexts use runs with synchronous=NORMAL, also when the pool hands back one it set up before,
/// and keeps what a savepoint may have to restore in memory.
/// </summary>
public sealed class SqliteConnectionSettingsTests : IDisposable
{
    private readonly string _path = TempSqliteFile.NewPath("settings");

    [Fact]
    public async Task Synchronous_is_NORMAL_on_a_new_native_connection_and_on_one_reused_from_the_pool()
    {
        var options = Options(pooling: true);

        var seen = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            await using var db = new OrchestratorDbContext(options);
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA synchronous;";
            seen.Add((long)(await command.ExecuteScalarAsync())!);
            await db.Database.CloseConnectionAsync();
        }

        // 1 = NORMAL (the default, FULL, is 2): set once per native connection, kept while the pool holds it.
        Assert.Equal([1L, 1L, 1L], seen);
    }

    [Fact]
    public async Task A_savepoint_keeps_the_pages_it_may_restore_in_memory_not_in_a_temporary_file()
    {
        Assert.True(OperatingSystem.IsLinux(), "This test reads the process's open files from /proc.");
        await using var db = new OrchestratorDbContext(Options(pooling: false));
        await db.Database.OpenConnectionAsync();

        // About 400 KiB of committed pages, then a transaction that changes all of them under a savepoint, as a group
        // commit's share does: SQLite copies each page into the statement journal first, which spills to a (deleted)
        // temporary file past 64 KiB unless temporary storage is memory.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;"); // as the server's database runs
        await db.Database.ExecuteSqlRawAsync(
            "CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL);" +
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO filler (body) SELECT printf('%.2000c', 'a') FROM n;");
        await using var transaction = await db.Database.BeginTransactionAsync();
        await transaction.CreateSavepointAsync("share");
        var changed = await db.Database.ExecuteSqlRawAsync("UPDATE filler SET body = printf('%.2000c', 'b');");

        var temporaryFiles = Directory.GetFiles("/proc/self/fd")
            .Select(fd => { try { return new FileInfo(fd).LinkTarget; } catch (IOException) { return null; } })
            .Where(target => target?.Contains("etilqs_", StringComparison.Ordinal) == true)
            .ToList();
        await transaction.RollbackAsync();

        Assert.Equal(200, changed);
        Assert.Empty(temporaryFiles);
    }

    /// <summary>Options for this test's database file, as the server configures SQLite.</summary>
    private DbContextOptions<OrchestratorDbContext> Options(bool pooling)
    {
        var builder = new DbContextOptionsBuilder<OrchestratorDbContext>();
        builder.UseOrchestratorSqlite(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = pooling }.ToString());
        return builder.Options;
    }

    public void Dispose()
    {
        TempSqliteFile.Delete(_path);
    }
}
