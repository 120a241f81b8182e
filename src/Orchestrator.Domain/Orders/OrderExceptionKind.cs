namespace Orchestrator.Domain.Orders;

/// <summary>Why an order sits in the exception queue.</summary>
public enum OrderExceptionKind
{
    None,

    /// <summary>A line's merchant code matches no goods or combo; stock could not be deducted (seed 001).</summary>
    UnmappedSku,
}
