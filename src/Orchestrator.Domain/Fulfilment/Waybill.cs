namespace Orchestrator.Domain.Fulfilment;

/// <summary>An e-waybill (电子面单) issued for one package: one tracking number per idempotency key, never two.</summary>
public sealed class Waybill
{
    public long Id { get; set; }

    public long OrderId { get; set; }

    /// <summary>The package it labels; null for waybills issued before orders had packages.</summary>
    public long? PackageId { get; set; }

    /// <summary>The package's key (instance + activity + execution): a retry or a replay asks with the same key.</summary>
    public required string IdempotencyKey { get; set; }

    public required string CarrierCode { get; set; }

    public required string TrackingNumber { get; set; }

    public DateTime IssuedAt { get; set; }

    /// <summary>When someone asked to give the number back; the carrier is told by a retried job until <see cref="CancelledAt"/>.</summary>
    public DateTime? CancelRequestedAt { get; set; }

    public string? CancelReason { get; set; }

    /// <summary>When the carrier confirmed the cancellation.</summary>
    public DateTime? CancelledAt { get; set; }

    /// <summary>Failed attempts to tell the carrier, the last failure, and when the job tries again.</summary>
    public int CancelAttempts { get; set; }

    public string? CancelError { get; set; }

    public DateTime? NextCancelAttemptAt { get; set; }

    /// <summary>Still good for a parcel: nobody asked to cancel it.</summary>
    public bool IsLive => CancelRequestedAt is null;

    /// <summary>Asks for the cancellation; the carrier is told later. Asking twice keeps the first reason.</summary>
    public void RequestCancel(string reason, DateTime now)
    {
        if (CancelRequestedAt is not null)
        {
            return;
        }

        CancelRequestedAt = now;
        CancelReason = reason.Length <= 500 ? reason : reason[..500];
        NextCancelAttemptAt = now;
    }

    /// <summary>The carrier confirmed.</summary>
    public void MarkCancelled(DateTime now)
    {
        CancelledAt = now;
        CancelError = null;
        NextCancelAttemptAt = null;
    }

    /// <summary>The carrier could not be told: try again after a back-off that doubles up to ten minutes.</summary>
    public void MarkCancelFailed(string error, DateTime now)
    {
        CancelAttempts++;
        CancelError = error.Length <= 1000 ? error : error[..1000];
        NextCancelAttemptAt = now.AddSeconds(Math.Min(600, Math.Pow(2, Math.Min(CancelAttempts, 10))));
    }
}
