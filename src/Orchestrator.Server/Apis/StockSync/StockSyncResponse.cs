namespace Orchestrator.Server.Apis.StockSync;

/// <summary>A shop's stock sync: settings, and per synced code what it is worth now and what the platform last acknowledged.</summary>
public sealed record StockSyncResponse(long ShopId, bool Enabled, decimal Ratio, int MinimumQuantity, IReadOnlyList<StockSyncItemResponse> Items);

/// <summary><c>kind</c> is Goods or Combo (null: the code matches nothing enabled); <c>quantity</c> is what a push would send now.</summary>
public sealed record StockSyncItemResponse(
    string MerchantCode, string? Kind, int Available, int Quantity, int? LastPushedQuantity, DateTime? LastPushedAt, DateTime? LastAttemptAt, string? LastError,
    int FailedAttempts, bool Pending, DateTime? NextAttemptAt);
