namespace Orchestrator.Persistence.Workflows;

/// <summary>An activity that threw: the instance stops Faulted until someone retries it.</summary>
public sealed class WorkflowIncidentRecord
{
    public long Id { get; set; }

    public Guid InstanceId { get; set; }

    public required string ActivityId { get; set; }

    public required string ActivityType { get; set; }

    public required string ExceptionType { get; set; }

    public required string Message { get; set; }

    public string? Details { get; set; }

    /// <summary>1 for the first fault of this execution, 2 after one retry, …</summary>
    public int Attempt { get; set; }

    public DateTime OccurredAt { get; set; }

    public DateTime? ResolvedAt { get; set; }
}
