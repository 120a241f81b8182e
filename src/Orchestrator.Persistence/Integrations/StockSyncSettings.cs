namespace Orchestrator.Persistence.Integrations;

/// <summary>库存同步 per shop: platform stock = floor(available × 库存比例), at least 最低库存 while anything is available.</summary>
public sealed class StockSyncSettings
{
    public long ShopId { get; set; }

    public bool IsEnabled { get; set; }

    /// <summary>库存比例 (同步比例), 0 to 1.</summary>
    public decimal Ratio { get; set; } = 1m;

    /// <summary>最低库存 (最小同步数量).</summary>
    public int MinimumQuantity { get; set; }
}
