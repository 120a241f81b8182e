namespace Orchestrator.Domain.Orders;

/// <summary>Where a sales order stands in its lifecycle; the workflow drives it after intake.</summary>
public enum OrderStatus
{
    /// <summary>Not paid on the platform yet (聚水潭 WaitPay); review starts when the paid push arrives.</summary>
    AwaitingPayment,

    /// <summary>Paid and waiting for service review (客服审核).</summary>
    PendingReview,

    /// <summary>Stopped at review by a block-when-matching rule (满足条件阻止).</summary>
    Blocked,

    /// <summary>Set aside in the exception queue (异常队列): unmapped SKU, out of stock, address error…</summary>
    Exception,

    Allocated,
    Picking,
    Verified,
    Shipped,
    Cancelled,
}
