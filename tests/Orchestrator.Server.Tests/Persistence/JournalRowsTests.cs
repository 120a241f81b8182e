using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Diagnostics;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Persistence.Writes;
using Orchestrator.Server.Tests.Infrastructure;
using Orchestrator.Workflows.Execution;

namespace Orchestrator.Server.Tests.Persistence;

/// <summary>
/// A commit's journal entries are one INSERT of the server's own (<see cref="JournalRows"/>), not EF's raw-SQL pipeline,
/// inside the commit's transaction; every column is stored as given, nulls included. On SQLite and PostgreSQL.
/// </summary>
public sealed class JournalRowsTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc);

    private readonly BothDatabases _databases = new("journalrows");

    public static TheoryData<string> Databases => BothDatabases.Names;

    public Task InitializeAsync() => _databases.InitializeAsync();

    public async Task DisposeAsync() => await _databases.DisposeAsync();

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task A_commits_entries_are_one_statement_of_the_servers_own_storing_every_column(string database)
    {
        var log = new CommandLog();
        var activity = new DatabaseActivity(TimeProvider.System);
        var options = await _databases.MigratedAsync(database, log, activity);
        WorkflowInstanceRecord instance;
        await using (var setup = new OrchestratorDbContext(options))
        {
            instance = await TestInstances.AddAsync(setup, "journal");
        }

        // Two commits of the same size (one statement text) and one of another size (another).
        var commits = new[] { Entries(instance.Id, 1, 2), Entries(instance.Id, 3, 2), Entries(instance.Id, 5, 3) };
        await using (var db = new OrchestratorDbContext(options))
        {
            foreach (var rows in commits)
            {
                log.Sent.Clear();
                var before = activity.Snapshot().Commands;
                await db.BeginWorkAsync(CancellationToken.None);
                await JournalRows.InsertAsync(db, rows, CancellationToken.None);
                await db.CommitWorkAsync(CancellationToken.None);

                Assert.DoesNotContain(log.Sent, sql => sql.Contains("WorkflowJournal", StringComparison.Ordinal));
                Assert.Equal(log.Sent.Count + 1, activity.Snapshot().Commands - before);
            }
        }

        await using var check = new OrchestratorDbContext(options);
        var stored = await check.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == instance.Id).OrderBy(j => j.Sequence).ToListAsync();
        var expected = commits.SelectMany(c => c).ToList();
        Assert.Equal(expected.Count, stored.Count);
        foreach (var (want, got) in expected.Zip(stored))
        {
            Assert.Equal(
                (want.Sequence, want.ActivityId, want.ActivityType, want.Event, want.Outcome, want.Bookmark, want.StartedAt, want.DurationMs, want.Inputs, want.Outputs, want.Error),
                (got.Sequence, got.ActivityId, got.ActivityType, got.Event, got.Outcome, got.Bookmark, got.StartedAt, got.DurationMs, got.Inputs, got.Outputs, got.Error));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task Entries_rolled_back_with_their_transaction_are_not_stored_and_none_are_written_outside_one(string database)
    {
        var options = await _databases.MigratedAsync(database);
        await using var db = new OrchestratorDbContext(options);
        var instance = await TestInstances.AddAsync(db, "journal-rollback");

        await db.BeginWorkAsync(CancellationToken.None);
        await JournalRows.InsertAsync(db, Entries(instance.Id, 1, 2), CancellationToken.None);
        await db.RollbackWorkAsync(CancellationToken.None);

        var outside = await Assert.ThrowsAsync<InvalidOperationException>(() => JournalRows.InsertAsync(db, Entries(instance.Id, 1, 1), CancellationToken.None));
        Assert.Contains("transaction", outside.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.WorkflowJournal.CountAsync(j => j.InstanceId == instance.Id));
    }

    /// <summary>Journal rows of an instance's steps, every column set (nulls and Chinese text among them); also what <see cref="InstanceRowsTests"/> commits.</summary>
    internal static List<WorkflowJournalRecord> Entries(Guid instanceId, int firstSequence, int count) =>
        [.. Enumerable.Range(firstSequence, count).Select(sequence => new WorkflowJournalRecord
        {
            InstanceId = instanceId,
            Sequence = sequence,
            ActivityId = $"step-{sequence}",
            ActivityType = sequence % 2 == 0 ? "Verify" : "ImportOrder",
            Event = sequence % 2 == 0 ? JournalEvent.Suspended : JournalEvent.Completed,
            Outcome = sequence % 2 == 0 ? null : "Done",
            Bookmark = sequence % 2 == 0 ? "verify" : null,
            StartedAt = Now.AddSeconds(sequence),
            DurationMs = sequence * 1.25,
            Inputs = sequence % 3 == 0 ? null : $"{{\"n\":{sequence}}}",
            Outputs = "{\"包裹\":\"杭州仓\"}",
            Error = sequence == 5 ? "库存不足" : null,
        })];
}
