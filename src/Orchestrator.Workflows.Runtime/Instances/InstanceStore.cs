using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Execution;

namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>
/// Commits one interpreter step: the instance row, its journal entry, an incident, and whatever the activity changed,
/// including SQL it ran inside a transaction it opened on the step's context.
/// </summary>
public static class InstanceStore
{
    public static InstanceState ReadState(WorkflowInstanceRecord record) => ReadState(record, record.StateJson);

    /// <summary>A state of the instance (as stored, or as a run left it after a step), with the row's ids.</summary>
    public static InstanceState ReadState(WorkflowInstanceRecord record, string stateJson)
    {
        var state = JsonSerializer.Deserialize<InstanceState>(stateJson, WorkflowJson.Options)!;

        // The trigger creates the row before the order has an id: the ids are taken from the row's columns.
        if (record.SalesOrderId is { } orderId)
        {
            state.Variables["orderId"] = JsonValue.Create(orderId);
        }

        if (record.ShopId is { } shopId)
        {
            state.Variables["shopId"] = JsonValue.Create(shopId);
        }

        return state;
    }

    public static string WriteState(InstanceState state) => JsonSerializer.Serialize(state, WorkflowJson.Options);

    /// <summary>
    /// Saves the step with the instance row and commits it, together with whatever the run saved before it (see
    /// <see cref="RunTransaction"/>); returns the row as now stored, the given row left untouched on failure. A faulted
    /// step's own changes must have been undone by the caller: only the state, its journal entry and the incident are stored.
    /// On failure nothing is rolled back here: the caller decides how far back to go (its scope's end rolls back the rest).
    /// <paramref name="journaled"/> are the entries of the steps flushed before this one, written with this step's in
    /// one command (<see cref="JournalRows"/>).
    /// </summary>
    public static async Task<WorkflowInstanceRecord> CommitAsync(
        OrchestratorDbContext db, WorkflowInstanceRecord stored, InstanceState state, StepReport? report, DateTime now, CancellationToken cancellationToken,
        IInstanceAggregate? aggregate = null, IReadOnlyList<WorkflowJournalRecord>? journaled = null)
    {
        var row = Detached(stored);
        db.WorkflowInstances.Attach(row);
        Describe(row, state, now);
        row.StateJson = WriteState(state);
        row.Revision = stored.Revision + 1;
        var journal = new List<WorkflowJournalRecord>(journaled ?? []);
        if (report?.Entry is { } entry)
        {
            journal.Add(Journal(row.Id, entry));
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

        try
        {
            // The journal is written by its own command (JournalRows): a transaction keeps it with the rest. A run that
            // shares a group commit always works inside it (a save of its own would make the group commit first).
            if (journal.Count > 0 || db.GroupCommit is not null)
            {
                await db.BeginWorkAsync(cancellationToken);
            }

            await JournalRows.InsertAsync(db, journal, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            // The run's transaction (or one an activity opened for atomic SQL, e.g. reserving stock), or its share of a
            // group commit: the step commits it, and it is durable when this returns.
            await db.CommitWorkAsync(cancellationToken);
        }
        catch
        {
            db.WorkflowInstances.Entry(row).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
            throw;
        }

        KeepOnlyTheAggregate(db, aggregate);

        // Committed: what was waiting for that may run now (outside the try, so it can never undo the step).
        db.RunAfterCommit();
        return row;
    }

    public static WorkflowJournalRecord Journal(Guid instanceId, JournalEntry entry) => new()
    {
        InstanceId = instanceId,
        Sequence = entry.Sequence,
        ActivityId = entry.ActivityId,
        ActivityType = entry.ActivityType,
        Event = entry.Event,
        Outcome = entry.Outcome,
        Bookmark = entry.Bookmark,
        StartedAt = entry.StartedAt,
        DurationMs = entry.Duration.TotalMilliseconds,
        Inputs = entry.Inputs,
        Outputs = entry.Outputs,
        Error = entry.Error,
    };

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

    private static void Describe(WorkflowInstanceRecord row, InstanceState state, DateTime now)
    {
        var waiting = state.Bookmarks.FirstOrDefault();
        row.Status = state.Status;
        row.CurrentActivityId = state.Fault?.ActivityId ?? waiting?.ActivityId
            ?? (state.Status == WorkflowStatus.Running && state.Scheduled.Count > 0 ? state.Scheduled[0].ActivityId : null);
        row.WaitingFor = state.Status == WorkflowStatus.Suspended ? waiting?.Name : null;
        var reason = state.Bookmarks
            .Select(b => b.Payload is JsonObject payload && payload.TryGetPropertyValue("reason", out var r) ? r?.ToString() : null)
            .FirstOrDefault(r => r is not null);
        reason = state.Hold?.Reason ?? reason;
        row.BlockedReason = reason is { Length: > 2000 } ? reason[..2000] : reason;
        row.NextWakeAt = state.Bookmarks.Where(b => b.DueAt is not null).Select(b => b.DueAt).Min();
        row.UpdatedAt = now;
        row.FinishedAt = state.IsDone ? row.FinishedAt ?? now : null;
    }

    /// <summary>A copy of the row's columns, without its order: safe to hold where no context tracks it.</summary>
    public static WorkflowInstanceRecord Detached(WorkflowInstanceRecord r) => new()
    {
        Id = r.Id,
        DefinitionId = r.DefinitionId,
        DefinitionVersion = r.DefinitionVersion,
        DefinitionRecordId = r.DefinitionRecordId,
        SalesOrderId = r.SalesOrderId,
        ShopId = r.ShopId,
        Status = r.Status,
        CurrentActivityId = r.CurrentActivityId,
        WaitingFor = r.WaitingFor,
        BlockedReason = r.BlockedReason,
        NextWakeAt = r.NextWakeAt,
        StateJson = r.StateJson,
        CreatedAt = r.CreatedAt,
        UpdatedAt = r.UpdatedAt,
        FinishedAt = r.FinishedAt,
        Revision = r.Revision,
    };
}
