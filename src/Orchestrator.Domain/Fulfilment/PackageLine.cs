namespace Orchestrator.Domain.Fulfilment;

/// <summary>Goods of one order line in a package: a line split by quantity appears in two packages.</summary>
public sealed class PackageLine
{
    public long Id { get; set; }

    public long PackageId { get; set; }

    /// <summary>The order line it comes from (its platform line id is TOP's <c>sub_tid</c> for split shipping).</summary>
    public int LineNo { get; set; }

    public long GoodsId { get; set; }

    public required string MerchantCode { get; set; }

    public int Quantity { get; set; }

    /// <summary>Scanned at verification (验货) so far.</summary>
    public int Scanned { get; set; }
}
