namespace Orchestrator.Integrations.Platforms;

/// <summary>What a ship confirmation tells the platform; the idempotency key travels for tracing, the platform dedupes on order + tracking number.</summary>
public sealed record ShipmentNotice(string PlatformOrderId, string? LogisticsCode, string TrackingNumber, string IdempotencyKey);
