namespace Orchestrator.Domain.Fulfilment;

/// <summary>A shipment confirmed to the platform (发货确认) with its tracking number, once per idempotency key.</summary>
public sealed class ShipmentConfirmation
{
    public long Id { get; set; }

    public long OrderId { get; set; }

    public required string IdempotencyKey { get; set; }

    public required string PlatformOrderId { get; set; }

    public string? LogisticsCode { get; set; }

    public required string TrackingNumber { get; set; }

    public DateTime ConfirmedAt { get; set; }
}
