using Orchestrator.Domain.MasterData;

namespace Orchestrator.Simulators.Waybill;

/// <summary>A number the simulated carrier has issued for one request key (SF orderId, Cainiao object_id, JD orderId).</summary>
public sealed record IssuedWaybill(WaybillProviderKind Provider, string CarrierCode, string Key, string TrackingNumber, DateTime IssuedAt)
{
    public DateTime? CancelledAt { get; init; }

    /// <summary>The sender the first request for the key named.</summary>
    public WaybillSender? Sender { get; init; }

    /// <summary>How many times the key was asked for again and answered with this same number.</summary>
    public int Repeats { get; init; }
}
