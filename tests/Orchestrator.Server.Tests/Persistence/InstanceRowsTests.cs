using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Diagnostics;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Persistence.Writes;
using Orchestrator.Server.Tests.Infrastructure;
using Orchestrator.Workflows.Execution;

namespace Orchestrator.Server.Tests.Persistence;

/// <summary>
/// A step's commit writes its instance row and its journal entries with one command of the server's own
/// (<see cref="InstanceRows"/>), where the row still has the revision the run read: every column a commit changes is
/// stored as given, the others are left alone, and a row another run moved on is refused as EF refuses it. On SQLite and
/// PostgreSQL.
/// </summary>
public sealed class InstanceRowsTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc);

    private readonly BothDatabases _databases = new("instancerows");

    public static TheoryData<string> Databases => BothDatabases.Names;

    public Task InitializeAsync() => _databases.InitializeAsync();

    public async Task DisposeAsync() => await _databases.DisposeAsync();

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task A_commit_stores_the_rows_new_columns_and_its_journal_in_one_command_leaving_the_rest(string database)
    {
        var log = new CommandLog();
        var activity = new DatabaseActivity(TimeProvider.System);
        var options = await _databases.MigratedAsync(database, log, activity);
        WorkflowInstanceRecord created;
        await using (var setup = new OrchestratorDbContext(options))
        {
            created = await TestInstances.AddAsync(setup, "instance-rows");
        }

        // No journal, a short one, and one longer than a command takes (its rest goes in a second command).
        var journals = new[] { new List<WorkflowJournalRecord>(), JournalRowsTests.Entries(created.Id, 1, 2), JournalRowsTests.Entries(created.Id, 3, 152) };
        var row = created;
        await using (var db = new OrchestratorDbContext(options))
        {
            for (var i = 0; i < journals.Length; i++)
            {
                var next = Step(row, i);
                log.Sent.Clear();
                var before = activity.Snapshot().Commands;
                await db.BeginWorkAsync(CancellationToken.None);
                await InstanceRows.WriteAsync(db, next, row.Revision, journals[i], CancellationToken.None);
                await db.CommitWorkAsync(CancellationToken.None);

                Assert.DoesNotContain(log.Sent, sql => sql.Contains("WorkflowInstances", StringComparison.Ordinal) || sql.Contains("WorkflowJournal", StringComparison.Ordinal));
                Assert.Equal(log.Sent.Count + (journals[i].Count > 150 ? 2 : 1), activity.Snapshot().Commands - before);
                row = next;
            }
        }

        await using var check = new OrchestratorDbContext(options);
        var stored = await check.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == created.Id);
        Assert.Equal(
            (row.Status, row.CurrentActivityId, row.WaitingFor, row.BlockedReason, row.NextWakeAt, row.StateJson, row.UpdatedAt, row.FinishedAt, row.Revision),
            (stored.Status, stored.CurrentActivityId, stored.WaitingFor, stored.BlockedReason, stored.NextWakeAt, stored.StateJson, stored.UpdatedAt, stored.FinishedAt, stored.Revision));
        Assert.Equal(created.Revision + 3, stored.Revision);
        Assert.Equal(
            (created.DefinitionId, created.DefinitionVersion, created.DefinitionRecordId, created.SalesOrderId, created.ShopId),
            (stored.DefinitionId, stored.DefinitionVersion, stored.DefinitionRecordId, stored.SalesOrderId, stored.ShopId));
        Assert.Equal(created.CreatedAt, stored.CreatedAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(154, await check.WorkflowJournal.CountAsync(j => j.InstanceId == created.Id));
    }

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task A_row_at_another_revision_is_refused_and_nothing_of_the_commit_is_stored(string database)
    {
        var options = await _databases.MigratedAsync(database);
        await using var db = new OrchestratorDbContext(options);
        var created = await TestInstances.AddAsync(db, "instance-rows-stale");

        // Another run moved the row on (revision 2) after this one read it at revision 1.
        await db.BeginWorkAsync(CancellationToken.None);
        await InstanceRows.WriteAsync(db, Step(created, 0), created.Revision, [], CancellationToken.None);
        await db.CommitWorkAsync(CancellationToken.None);

        await db.BeginWorkAsync(CancellationToken.None);
        var stale = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(
            () => InstanceRows.WriteAsync(db, Step(created, 1), created.Revision, JournalRowsTests.Entries(created.Id, 1, 2), CancellationToken.None));
        Assert.Contains(created.Id.ToString(), stale.Message, StringComparison.Ordinal);
        await db.RollbackWorkAsync(CancellationToken.None);

        var outside = await Assert.ThrowsAsync<InvalidOperationException>(
            () => InstanceRows.WriteAsync(db, Step(created, 1), created.Revision + 1, [], CancellationToken.None));
        Assert.Contains("transaction", outside.Message, StringComparison.Ordinal);

        var stored = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == created.Id);
        Assert.Equal((created.Revision + 1, "step-0"), (stored.Revision, stored.CurrentActivityId));
        Assert.Equal(0, await db.WorkflowJournal.CountAsync(j => j.InstanceId == created.Id));
    }

    /// <summary>The row as a commit after step <paramref name="n"/> leaves it: every column a commit writes changed, nulls and Chinese text included.</summary>
    private static WorkflowInstanceRecord Step(WorkflowInstanceRecord row, int n) => new()
    {
        Id = row.Id,
        DefinitionId = row.DefinitionId,
        DefinitionVersion = row.DefinitionVersion,
        DefinitionRecordId = row.DefinitionRecordId,
        SalesOrderId = row.SalesOrderId,
        ShopId = row.ShopId,
        CreatedAt = row.CreatedAt,
        Status = n == 2 ? WorkflowStatus.Finished : WorkflowStatus.Suspended,
        CurrentActivityId = n == 2 ? null : $"step-{n}",
        WaitingFor = n == 2 ? null : "Review",
        BlockedReason = n == 1 ? "买家留言：不要发韵达" : null,
        NextWakeAt = n == 0 ? Now.AddHours(2) : null,
        StateJson = $"{{\"step\":{n},\"note\":\"杭州仓\"}}",
        UpdatedAt = Now.AddMinutes(n),
        FinishedAt = n == 2 ? Now.AddMinutes(n) : null,
        Revision = row.Revision + 1,
    };
}
