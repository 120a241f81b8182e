using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Execution;

namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>
/// An instance's state and its row: the state read from and written to the row, the columns that describe it, a
/// journal entry's row. Store-neutral: what the stores (<see cref="IWorkflowInstanceStore"/>) write.
/// </summary>
public static class InstanceRecords
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

    /// <summary>Sets the row's columns that say where the instance stands (for lists and filters) from its state.</summary>
    public static void Describe(WorkflowInstanceRecord row, InstanceState state, DateTime now)
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
