namespace Orchestrator.Integrations.Platforms.Top;

/// <summary>One line of a trade (TOP "order"): <c>outer_sku_id</c> is the merchant code, falling back to <c>outer_iid</c>.</summary>
public sealed record TopOrder
{
    public long Oid { get; init; }

    public long? NumIid { get; init; }

    public string? SkuId { get; init; }

    public string? OuterIid { get; init; }

    public string? OuterSkuId { get; init; }

    public string? Title { get; init; }

    public int Num { get; init; }

    public decimal Price { get; init; }
}
