using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Diagnostics;
using Orchestrator.Persistence.Sqlite;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Server.Tests.Infrastructure;
using Orchestrator.Workflows.Execution;
using Orchestrator.Workflows.Runtime.EntityFramework;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>
/// A run's steps between two commits (<see cref="RunTransaction"/>) on SQLite with group commit. Deferred, a step ends
/// without touching the database, so the next step reads and evaluates while other writers write; step by step, a step
/// ends saved into the run's share of the group and holds the file's writer until the commit.
/// </summary>
public sealed class RunTransactionModesTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    private readonly string _path = TempSqliteFile.NewPath("run");
    private readonly DatabaseActivity _activity = new(TimeProvider.System);
    private readonly SqliteGroupCommit _group;
    private readonly DbContextOptions<OrchestratorDbContext> _options;
    private WorkflowInstanceRecord _instance = null!;

    public RunTransactionModesTests()
    {
        _group = new SqliteGroupCommit(_activity, TimeProvider.System);
        var builder = new DbContextOptionsBuilder<OrchestratorDbContext>();
        builder.UseOrchestratorSqlite(new SqliteConnectionStringBuilder { DataSource = _path, DefaultTimeout = 5 }.ToString()).AddInterceptors(_activity);
        _options = builder.Options;
    }

    public async Task InitializeAsync()
    {
        await using var db = new OrchestratorDbContext(_options);
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        _instance = await TestInstances.AddAsync(db, "modes");
        _instance = InstanceRecords.Detached(_instance);
    }

    [Fact]
    public async Task A_deferred_step_ends_holding_no_transaction_so_others_write_meanwhile_and_the_commit_writes_the_steps()
    {
        await using var db = Member();
        var state = new InstanceState();
        var run = new RunTransaction(db, null, InstanceRecords.WriteState(state));
        db.WorkflowIncidents.Add(Incident("first step"));

        await run.FlushAsync(_instance.Id, state, Entry(1), CancellationToken.None);

        Assert.True(run.MustReplay);
        Assert.False(db.InGroup);
        Assert.Null(db.Database.CurrentTransaction);
        Assert.Equal(0, await CountAsync<WorkflowIncidentRecord>());

        // Another writer takes the file and commits while the run is between its steps.
        await WriteElsewhereAsync().WaitAsync(Soon);

        var row = await run.CommitAsync(_instance, state, new StepReport(Entry(2)), DateTime.UtcNow, CancellationToken.None);

        Assert.False(run.MustReplay);
        Assert.Equal(_instance.Revision + 1, row.Revision);

        // The other writer's row came first: the run's step was written only at its commit.
        Assert.Equal(["elsewhere", "first step"], await IncidentMessagesAsync());
        Assert.Equal(2, await CountAsync<WorkflowJournalRecord>());

        // The next steps restart, if they must, from what was just committed.
        Assert.Equal(row.StateJson, run.RestartState);
    }

    [Fact]
    public async Task A_step_by_step_run_holds_the_writer_from_its_first_saved_step_to_its_commit()
    {
        await using var db = Member();
        var state = new InstanceState();
        var run = new RunTransaction(db, null);
        db.WorkflowIncidents.Add(Incident("first step"));

        await run.FlushAsync(_instance.Id, state, Entry(1), CancellationToken.None);

        Assert.False(run.MustReplay);
        Assert.True(db.InGroup);
        var elsewhere = WriteElsewhereAsync();
        await Task.Delay(300);
        Assert.False(elsewhere.IsCompleted, "Another writer wrote while a step-by-step run held the file between its steps.");

        await run.CommitAsync(_instance, state, new StepReport(Entry(2)), DateTime.UtcNow, CancellationToken.None);
        await elsewhere.WaitAsync(Soon);
        Assert.Equal(["first step", "elsewhere"], await IncidentMessagesAsync());
    }

    [Fact]
    public async Task Abandoning_a_deferred_run_undoes_every_step_kept_since_its_last_commit_its_reservation_included()
    {
        await using var db = Member();
        var state = new InstanceState();
        var run = new RunTransaction(db, null, InstanceRecords.WriteState(state));
        db.WorkflowIncidents.Add(Incident("kept in memory"));
        await run.FlushAsync(_instance.Id, state, Entry(1), CancellationToken.None);

        // A later step runs atomic SQL of its own (as reserving stock does): it joins the group for it.
        await db.BeginWorkAsync(CancellationToken.None);
        await db.Database.ExecuteSqlRawAsync("UPDATE WorkflowInstances SET BlockedReason = 'reserved' WHERE Id = {0}", _instance.Id);
        await run.FlushAsync(_instance.Id, state, Entry(2), CancellationToken.None);

        await run.AbandonAsync(CancellationToken.None);

        Assert.False(run.MustReplay);
        Assert.False(db.InGroup);
        Assert.Empty(db.ChangeTracker.Entries());
        await run.CommitAsync(_instance, state, new StepReport(Entry(3)), DateTime.UtcNow, CancellationToken.None);
        Assert.Empty(await IncidentMessagesAsync());
        Assert.Equal([3], await JournalSequencesAsync());
        Assert.Null(await ReadAsync(d => d.WorkflowInstances.Where(i => i.Id == _instance.Id).Select(i => i.BlockedReason).SingleAsync()));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _group.Dispose();
        _activity.Dispose();
        TempSqliteFile.Delete(_path);
    }

    private OrchestratorDbContext Member() => new(_options) { GroupCommit = _group };

    private WorkflowIncidentRecord Incident(string message) => new()
    {
        InstanceId = _instance.Id,
        ActivityId = "a",
        ActivityType = "Test",
        ExceptionType = "None",
        Message = message,
        OccurredAt = DateTime.UtcNow,
    };

    private static JournalEntry Entry(int sequence) =>
        new(sequence, $"step{sequence}", "Test", JournalEvent.Completed, "Done", null, DateTime.UtcNow, TimeSpan.FromMilliseconds(1), null, null, null);

    private async Task WriteElsewhereAsync()
    {
        await using var other = new OrchestratorDbContext(_options);
        await using var transaction = await other.Database.BeginTransactionAsync();
        other.WorkflowIncidents.Add(Incident("elsewhere"));
        await other.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    private async Task<T> ReadAsync<T>(Func<OrchestratorDbContext, Task<T>> read)
    {
        await using var db = new OrchestratorDbContext(_options);
        return await read(db);
    }

    private Task<int> CountAsync<TRow>()
        where TRow : class => ReadAsync(db => db.Set<TRow>().CountAsync());

    private Task<List<string>> IncidentMessagesAsync() => ReadAsync(db => db.WorkflowIncidents.OrderBy(i => i.Id).Select(i => i.Message).ToListAsync());

    private Task<List<int>> JournalSequencesAsync() => ReadAsync(db => db.WorkflowJournal.OrderBy(j => j.Sequence).Select(j => j.Sequence).ToListAsync());
}
