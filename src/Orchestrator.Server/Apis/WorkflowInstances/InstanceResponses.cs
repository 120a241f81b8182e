using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Execution;

namespace Orchestrator.Server.Apis.WorkflowInstances;

internal sealed record InstanceSummary(
    Guid Id, string DefinitionId, int DefinitionVersion, long? OrderId, long? ShopId, WorkflowStatus Status,
    string? CurrentActivityId, string? WaitingFor, string? BlockedReason, DateTime? NextWakeAt, DateTime CreatedAt, DateTime UpdatedAt, DateTime? FinishedAt)
{
    public static InstanceSummary From(WorkflowInstanceRecord r) => new(r.Id, r.DefinitionId, r.DefinitionVersion, r.SalesOrderId, r.ShopId, r.Status,
        r.CurrentActivityId, r.WaitingFor, r.BlockedReason, r.NextWakeAt, r.CreatedAt, r.UpdatedAt, r.FinishedAt);
}

internal sealed record BookmarkResponse(string Id, string Name, string ActivityId, JsonNode? Payload, DateTime CreatedAt, DateTime? DueAt);

internal sealed record JournalResponse(
    int Sequence, string ActivityId, string ActivityType, JournalEvent Event, string? Outcome, string? Bookmark,
    DateTime StartedAt, double DurationMs, JsonNode? Inputs, JsonNode? Outputs, string? Error);

internal sealed record IncidentResponse(
    long Id, string ActivityId, string ActivityType, string ExceptionType, string Message, int Attempt, DateTime OccurredAt, DateTime? ResolvedAt);

internal sealed record InstanceDetail(
    InstanceSummary Instance,
    IReadOnlyDictionary<string, JsonNode?> Variables,
    IReadOnlyList<BookmarkResponse> Bookmarks,
    IReadOnlyList<string> Scheduled,
    FaultInfo? Fault,
    IReadOnlyList<JournalResponse> Journal,
    IReadOnlyList<IncidentResponse> Incidents)
{
    public static InstanceDetail From(WorkflowInstanceRecord record, IEnumerable<WorkflowJournalRecord> journal, IEnumerable<WorkflowIncidentRecord> incidents)
    {
        var state = JsonSerializer.Deserialize<InstanceState>(record.StateJson, WorkflowJson.Options)!;
        return new InstanceDetail(
            InstanceSummary.From(record),
            state.Variables,
            state.Bookmarks.Select(b => new BookmarkResponse(b.Id, b.Name, b.ActivityId, b.Payload, b.CreatedAt, b.DueAt)).ToList(),
            state.Scheduled.Select(s => s.ActivityId).ToList(),
            state.Fault,
            journal.Select(j => new JournalResponse(j.Sequence, j.ActivityId, j.ActivityType, j.Event, j.Outcome, j.Bookmark, j.StartedAt,
                Math.Round(j.DurationMs, 3), ParseSummary(j.Inputs), ParseSummary(j.Outputs), j.Error)).ToList(),
            incidents.Select(i => new IncidentResponse(i.Id, i.ActivityId, i.ActivityType, i.ExceptionType, i.Message, i.Attempt, i.OccurredAt, i.ResolvedAt)).ToList());
    }

    // Summaries are JSON unless they were cut short for length; then they are shown as the text they are.
    private static JsonNode? ParseSummary(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}

internal sealed record CancelRequest(string? Reason);
