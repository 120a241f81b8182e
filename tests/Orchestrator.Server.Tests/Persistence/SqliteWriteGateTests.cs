using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Sqlite;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Persistence;

/// <summary>
/// The process's SQLite writers queue at one gate per file: transactions, and writes sent without one. A write that met
/// another's lock instead would sit out Microsoft.Data.Sqlite's busy retries and fail once its command timeout passed.
/// </summary>
public sealed class SqliteWriteGateTests : IDisposable
{
    private readonly string _path = TempSqliteFile.NewPath("gate");

    [Fact]
    public async Task A_write_without_a_transaction_waits_for_an_open_write_transaction_and_then_goes_through()
    {
        // A one-second command timeout: meeting the open transaction's lock, the lone write would fail after a second.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = _path, Pooling = true, DefaultTimeout = 1 }.ToString();
        var builder = new DbContextOptionsBuilder<OrchestratorDbContext>();
        builder.UseOrchestratorSqlite(connectionString);
        var options = builder.Options;
        await using (var setup = new OrchestratorDbContext(options))
        {
            await setup.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; CREATE TABLE Marks (Id INTEGER PRIMARY KEY, Note TEXT NOT NULL);");
        }

        await using var holder = new OrchestratorDbContext(options);
        var transaction = await holder.Database.BeginTransactionAsync();
        await holder.Database.ExecuteSqlRawAsync("INSERT INTO Marks (Note) VALUES ('in the transaction')");

        await using var alone = new OrchestratorDbContext(options);
        var write = alone.Database.ExecuteSqlRawAsync("INSERT INTO Marks (Note) VALUES ('alone')");
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.False(write.IsCompleted, write.Exception?.GetBaseException().Message ?? "The lone write finished while the transaction held the file.");

        await transaction.CommitAsync();
        Assert.Equal(1, await write.WaitAsync(TimeSpan.FromSeconds(10)));

        // The lone write let the gate go: the next transaction starts at once.
        await using var next = new OrchestratorDbContext(options);
        await using (await next.Database.BeginTransactionAsync().WaitAsync(TimeSpan.FromSeconds(10)))
        {
            Assert.Equal(2L, await next.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM Marks").SingleAsync());
        }
    }

    public void Dispose()
    {
        TempSqliteFile.Delete(_path);
    }
}
