namespace Orchestrator.Integrations.Platforms.Jd;

/// <summary>One line of <c>itemInfoList</c>: <c>outerSkuId</c> is the merchant code.</summary>
public sealed record JdItem
{
    public string? SkuId { get; init; }

    public string? OuterSkuId { get; init; }

    public string? SkuName { get; init; }

    public int ItemTotal { get; init; }

    public decimal JdPrice { get; init; }
}
