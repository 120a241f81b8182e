using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.MasterData;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Lifecycle.Providers.Waybills;

/// <summary>One carrier family's e-waybill API; the idempotency key travels as the carrier's own request key.</summary>
public interface ICarrierWaybillClient
{
    WaybillProviderKind Provider { get; }

    /// <summary>Returns the tracking number for the package <paramref name="idempotencyKey"/> names; the same key gets the same number; <paramref name="sender"/> is printed as 寄件人.</summary>
    Task<string> IssueAsync(SalesOrder order, Warehouse sender, IReadOnlyList<PackageLine> goods, string carrierCode, string idempotencyKey, CancellationToken cancellationToken);

    Task CancelAsync(string carrierCode, string trackingNumber, string idempotencyKey, CancellationToken cancellationToken);
}
