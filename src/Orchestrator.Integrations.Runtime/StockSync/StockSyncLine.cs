namespace Orchestrator.Integrations.Runtime.StockSync;

/// <summary>One synced merchant code as computed now: goods or combo (null when the code matches nothing), free stock, and what the platform gets.</summary>
public sealed record StockSyncLine(string MerchantCode, string? Kind, int Available, int Quantity);
