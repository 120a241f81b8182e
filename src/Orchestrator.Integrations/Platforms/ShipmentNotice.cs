namespace Orchestrator.Integrations.Platforms;

/// <summary>
/// What a ship confirmation tells the platform; the idempotency key travels for tracing, the platform dedupes on order +
/// tracking number. <c>SplitLineIds</c> (the package's platform line ids) makes it one parcel of a split shipment.
/// </summary>
public sealed record ShipmentNotice(string PlatformOrderId, string? LogisticsCode, string TrackingNumber, string IdempotencyKey, IReadOnlyList<string>? SplitLineIds = null);
