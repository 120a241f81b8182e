namespace Orchestrator.Domain.Fulfilment;

/// <summary>An e-waybill (电子面单) issued for one package: one tracking number per idempotency key, never two.</summary>
public sealed class Waybill
{
    public long Id { get; set; }

    public long OrderId { get; set; }

    /// <summary>The package's key (instance + activity + execution): a retry or a replay asks with the same key.</summary>
    public required string IdempotencyKey { get; set; }

    public required string CarrierCode { get; set; }

    public required string TrackingNumber { get; set; }

    public DateTime IssuedAt { get; set; }
}
