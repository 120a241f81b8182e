using Orchestrator.Persistence;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Persistence.Writes;
using Orchestrator.Workflows.Execution;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Workflows.Runtime.EntityFramework;

/// <summary>
/// Commits one interpreter step through EF: the instance row, its journal entry, an incident, and whatever the activity
/// changed, including SQL it ran inside a transaction it opened on the step's context.
/// </summary>
internal static class InstanceCommit
{
    /// <summary>
    /// Saves the step with the instance row and commits it, together with whatever the run saved before it (see
    /// <see cref="RunTransaction"/>); returns the row as now stored, the given row left untouched on failure. A faulted
    /// step's own changes must have been undone by the caller: only the state, its journal entry and the incident are stored.
    /// On failure nothing is rolled back here: the caller decides how far back to go (its scope's end rolls back the rest).
    /// <paramref name="journaled"/> are the entries of the steps flushed before this one, written with this step's in
    /// one command with the instance row (<see cref="InstanceRows"/>).
    /// </summary>
    public static async Task<WorkflowInstanceRecord> CommitAsync(
        OrchestratorDbContext db, WorkflowInstanceRecord stored, InstanceState state, StepReport? report, DateTime now, CancellationToken cancellationToken,
        IInstanceAggregate? aggregate = null, IReadOnlyList<WorkflowJournalRecord>? journaled = null)
    {
        // The row is written by a statement of its own (InstanceRows), never tracked: attached, EF would compare every
        // column at the save and fix up its navigation against the tracked order, for a row whose columns it knows.
        var row = InstanceRecords.Detached(stored);
        InstanceRecords.Describe(row, state, now);
        row.StateJson = InstanceRecords.WriteState(state);
        row.Revision = stored.Revision + 1;
        var journal = new List<WorkflowJournalRecord>(journaled ?? []);
        if (report?.Entry is { } entry)
        {
            journal.Add(InstanceRecords.Journal(row.Id, entry));
        }

        if (report?.Fault is { } fault && state.Fault is { } info)
        {
            db.WorkflowIncidents.Add(new WorkflowIncidentRecord
            {
                InstanceId = row.Id,
                ActivityId = info.ActivityId,
                ActivityType = info.ActivityType,
                ExceptionType = info.ExceptionType,
                Message = info.Message.Length > 2000 ? info.Message[..2000] : info.Message,
                Details = fault.ToString(),
                Attempt = info.Attempt,
                OccurredAt = info.OccurredAt,
            });
        }

        // The row and the journal are written by a command of their own, the rest by the save, all in one transaction: the
        // run's (or one an activity opened for atomic SQL, e.g. reserving stock), or its share of a group commit. The
        // step commits it, and it is durable when this returns.
        await db.BeginWorkAsync(cancellationToken);
        await InstanceRows.WriteAsync(db, row, stored.Revision, journal, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.CommitWorkAsync(cancellationToken);

        KeepOnlyTheAggregate(db, aggregate);

        // Committed: what was waiting for that may run now (outside the try, so it can never undo the step).
        db.RunAfterCommit();
        return row;
    }

    /// <summary>
    /// After a save the tracked rows match the database. The instance's aggregate (<see cref="IInstanceAggregate"/>: for
    /// the lifecycle, the order and its packages) stays tracked for the run's next step, which would otherwise load it
    /// again; everything else (the instance row, journal, stock rows changed by SQL) is let go.
    /// </summary>
    internal static void KeepOnlyTheAggregate(OrchestratorDbContext db, IInstanceAggregate? aggregate)
    {
        // Called right after a save: nothing changed since, so there is nothing to detect (a pass over every row).
        using var detected = ChangeDetectionPause.Of(db.ChangeTracker);
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (aggregate is null || !aggregate.Holds(entry.Entity))
            {
                entry.State = Microsoft.EntityFrameworkCore.EntityState.Detached;
            }
        }
    }

    /// <summary>
    /// The aggregate's rows a run leaves tracked, to hold until the instance's next run: all of them committed. When one
    /// has changes not committed (a rejected stimulus may leave some), nothing is held and the next run loads afresh.
    /// </summary>
    internal static List<object>? HeldAfterRun(OrchestratorDbContext db, IInstanceAggregate aggregate)
    {
        // Entries() detects changes first, so a row an activity changed without saving shows as Modified.
        var held = new List<object>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (aggregate.Holds(entry.Entity))
            {
                if (entry.State != Microsoft.EntityFrameworkCore.EntityState.Unchanged)
                {
                    return null;
                }

                held.Add(entry.Entity);
            }
        }

        return held.Count > 0 ? held : null;
    }
}
