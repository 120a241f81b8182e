namespace Orchestrator.Domain.Orders;

/// <summary>Why an order sits in the exception queue.</summary>
public enum OrderExceptionKind
{
    None,

    /// <summary>A line's merchant code matches no goods or combo; stock could not be deducted (seed 001).</summary>
    UnmappedSku,

    /// <summary>缺货拦截: a line cannot be reserved and the shop does not allow out-of-stock orders.</summary>
    OutOfStock,

    /// <summary>The shop has no enabled warehouse to ship from.</summary>
    NoWarehouse,

    /// <summary>A review rule routed the order to the exception queue.</summary>
    RuleMatched,

    /// <summary>The buyer asked for a refund (退款中) while the order was under way.</summary>
    RefundRequested,

    /// <summary>The receiver's address is wrong, incomplete, or changed on the platform after review.</summary>
    AddressProblem,

    /// <summary>The platform refused or failed a call for this order (e.g. ship confirmation).</summary>
    PlatformError,

    /// <summary>Anything else a person set aside, described in the detail.</summary>
    Other,
}
