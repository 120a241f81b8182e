using Orchestrator.Domain.Orders;
using Orchestrator.Workflows.Execution;

namespace Orchestrator.Persistence.Workflows;

/// <summary>One running (or run) workflow: its full state as JSON plus the columns lists filter on.</summary>
public sealed class WorkflowInstanceRecord
{
    public Guid Id { get; set; }

    public required string DefinitionId { get; set; }

    public int DefinitionVersion { get; set; }

    /// <summary>The exact definition version the instance is pinned to.</summary>
    public long DefinitionRecordId { get; set; }

    /// <summary>The order the instance runs; at most one instance per order.</summary>
    public long? SalesOrderId { get; set; }

    /// <summary>Set when the instance is created with a new order, so both commit together before the order has an id.</summary>
    public SalesOrder? SalesOrder { get; set; }

    public long? ShopId { get; set; }

    public WorkflowStatus Status { get; set; }

    /// <summary>The activity the instance waits at (a bookmark) or faulted in; null while running or when done.</summary>
    public string? CurrentActivityId { get; set; }

    /// <summary>The name of the bookmark it waits on, e.g. <c>Review</c>.</summary>
    public string? WaitingFor { get; set; }

    /// <summary>Why a person has to act, e.g. the rules that blocked the order at review.</summary>
    public string? BlockedReason { get; set; }

    /// <summary>The earliest timer among its bookmarks: restart re-arms timers from this.</summary>
    public DateTime? NextWakeAt { get; set; }

    /// <summary>The interpreter's state (variables, scheduled work, bookmarks) as JSON.</summary>
    public required string StateJson { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>Bumped on every save; guards against two silos writing one instance.</summary>
    public int Revision { get; set; }
}
