using Orchestrator.Domain.Fulfilment;

namespace Orchestrator.Server.Apis.Waybills;

/// <summary>A waybill as the floor sees it: live, waiting for the carrier to confirm a cancellation, or cancelled.</summary>
public sealed record WaybillResponse(
    long Id, long OrderId, string CarrierCode, string TrackingNumber, string IdempotencyKey, DateTime IssuedAt, bool IsLive,
    DateTime? CancelRequestedAt, string? CancelReason, DateTime? CancelledAt, int CancelAttempts, string? CancelError, DateTime? NextCancelAttemptAt)
{
    public static WaybillResponse From(Waybill w) =>
        new(w.Id, w.OrderId, w.CarrierCode, w.TrackingNumber, w.IdempotencyKey, w.IssuedAt, w.IsLive,
            w.CancelRequestedAt, w.CancelReason, w.CancelledAt, w.CancelAttempts, w.CancelError, w.NextCancelAttemptAt);
}
