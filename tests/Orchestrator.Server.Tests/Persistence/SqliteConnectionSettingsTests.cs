using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Sqlite;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Persistence;

/// <summary>Every connection the contexts use runs with synchronous=NORMAL, also when the pool hands back one it set up before.</summary>
public sealed class SqliteConnectionSettingsTests : IDisposable
{
    private readonly string _path = TempSqliteFile.NewPath("settings");

    [Fact]
    public async Task Synchronous_is_NORMAL_on_a_new_native_connection_and_on_one_reused_from_the_pool()
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = _path, Pooling = true }.ToString();
        var builder = new DbContextOptionsBuilder<OrchestratorDbContext>();
        builder.UseOrchestratorSqlite(connectionString);
        var options = builder.Options;

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

    public void Dispose()
    {
        TempSqliteFile.Delete(_path);
    }
}
