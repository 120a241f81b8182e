namespace Orchestrator.Domain.Orders;

/// <summary>
/// One stay of an order in the exception queue (异常队列): why, where in its lifecycle it left, who raised and who
/// resolved it. An order has at most one open exception; resolving it returns the order to the stage it left.
/// </summary>
public sealed class ExceptionQueueEntry
{
    public long Id { get; set; }

    public long OrderId { get; set; }

    public long ShopId { get; set; }

    public OrderExceptionKind Kind { get; set; }

    public string? Detail { get; set; }

    public ExceptionSource Source { get; set; }

    /// <summary>The workflow activity the order stood at when it left (the stage it returns to).</summary>
    public required string Stage { get; set; }

    /// <summary>For a <see cref="ExceptionSource.Workflow"/> exception, the bookmark its resolution resumes.</summary>
    public string? Bookmark { get; set; }

    /// <summary>The order's status before the exception, restored when a hold is resolved.</summary>
    public OrderStatus StatusBefore { get; set; }

    public string? RaisedBy { get; set; }

    public DateTime RaisedAt { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public string? ResolvedBy { get; set; }

    /// <summary>What was done about it (the resolver's note, or what resolved it automatically).</summary>
    public string? Resolution { get; set; }

    public bool IsOpen => ResolvedAt is null;

    public void Resolve(string? by, string? resolution, DateTime now)
    {
        ResolvedAt = now;
        ResolvedBy = by;
        Resolution = resolution;
    }
}

/// <summary>How an order came into the exception queue, which decides how resolving it sends the order back.</summary>
public enum ExceptionSource
{
    /// <summary>A person or an integration put the order on hold where it stood; resolving lifts the hold.</summary>
    Hold,

    /// <summary>The workflow routed the order to a waiting activity (AwaitResolution, AwaitStock); resolving resumes it.</summary>
    Workflow,
}
