using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Lifecycle.Providers;

/// <summary>Gets an e-waybill (电子面单) tracking number for one package; the same key always yields the same number.</summary>
public interface IWaybillIssuer
{
    /// <summary>
    /// Returns the waybill recorded for <paramref name="idempotencyKey"/>, or takes one and adds its row to the step's
    /// context without saving: the runtime commits it with the step.
    /// </summary>
    Task<Waybill> IssueAsync(SalesOrder order, string carrierCode, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Gives the number back to the carrier (an order cancelled after its waybill); pre-reported numbers cost money.</summary>
    Task CancelAsync(Waybill waybill, CancellationToken cancellationToken);
}
