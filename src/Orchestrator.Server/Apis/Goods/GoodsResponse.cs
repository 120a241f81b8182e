namespace Orchestrator.Server.Apis.Goods;

public sealed record GoodsResponse(
    long Id, string MerchantCode, string? Barcode, string Name, string? Spec, decimal WeightKg, decimal Price, bool IsEnabled, int Version, int? LowStockThreshold)
{
    public static GoodsResponse From(Domain.Catalog.Goods g) =>
        new(g.Id, g.MerchantCode, g.Barcode, g.Name, g.Spec, g.WeightKg, g.Price, g.IsEnabled, g.Version, g.LowStockThreshold);
}
