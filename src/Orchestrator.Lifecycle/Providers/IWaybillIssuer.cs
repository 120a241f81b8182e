using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.MasterData;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Lifecycle.Providers;

/// <summary>Gets an e-waybill (电子面单) tracking number for one package; the same key always yields the same number.</summary>
public interface IWaybillIssuer
{
    /// <summary>
    /// Returns the waybill recorded for <paramref name="idempotencyKey"/>, or takes one and adds its row to the step's
    /// context without saving: the runtime commits it with the step. <paramref name="sender"/> is the shipping warehouse,
    /// whose contact and address the carrier prints as the sender (寄件人); <paramref name="goods"/> what is in the parcel.
    /// </summary>
    Task<Waybill> IssueAsync(SalesOrder order, Warehouse sender, IReadOnlyList<PackageLine> goods, string carrierCode, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// Gives the number back to the carrier (an order cancelled after its waybill); pre-reported numbers cost money.
    /// Throws when the carrier did not confirm; the caller records the failure and tries again.
    /// </summary>
    Task CancelAsync(Waybill waybill, CancellationToken cancellationToken);
}
