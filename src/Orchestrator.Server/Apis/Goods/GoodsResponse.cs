using System.Text.Json.Serialization;

namespace Orchestrator.Server.Apis.Goods;

public sealed record GoodsResponse(
    long Id, string MerchantCode, string? Barcode, string Name, string? Spec, decimal WeightKg, decimal Price, bool IsEnabled, int Version, int? LowStockThreshold)
{
    /// <summary>
    /// After a create or an edit: how many orders wait in the exception queue (UnmappedSku) on this merchant code;
    /// <c>POST /api/exceptions:remap</c> continues them.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? OrdersWaitingOnCode { get; init; }

    public static GoodsResponse From(Domain.Catalog.Goods g) =>
        new(g.Id, g.MerchantCode, g.Barcode, g.Name, g.Spec, g.WeightKg, g.Price, g.IsEnabled, g.Version, g.LowStockThreshold);
}
