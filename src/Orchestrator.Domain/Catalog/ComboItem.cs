namespace Orchestrator.Domain.Catalog;

/// <summary>One goods and its quantity inside a combo.</summary>
public sealed class ComboItem
{
    public long ComboId { get; set; }

    public long GoodsId { get; set; }

    public Goods? Goods { get; set; }

    public int Quantity { get; set; }
}
