namespace Orchestrator.Integrations.Platforms.Jd;

/// <summary>An order as <c>jingdong.pop.order.search</c> returns it (camelCase on the wire, times in China time).</summary>
public sealed record JdOrder
{
    public string? OrderId { get; init; }

    public string? OrderState { get; init; }

    public string? Pin { get; init; }

    public string? PayType { get; init; }

    public decimal OrderTotalPrice { get; init; }

    public decimal OrderPayment { get; init; }

    public decimal FreightPrice { get; init; }

    public decimal SellerDiscount { get; init; }

    public string? OrderStartTime { get; init; }

    public string? PaymentConfirmTime { get; init; }

    public string? Modified { get; init; }

    public string? OrderRemark { get; init; }

    public string? VenderRemark { get; init; }

    public JdConsignee? ConsigneeInfo { get; init; }

    public IReadOnlyList<JdItem>? ItemInfoList { get; init; }
}
