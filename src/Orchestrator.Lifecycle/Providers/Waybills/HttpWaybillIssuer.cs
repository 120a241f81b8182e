using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.MasterData;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;
using Orchestrator.Persistence.ReferenceData;

namespace Orchestrator.Lifecycle.Providers.Waybills;

/// <summary>
/// Takes numbers from the carrier family the logistics company names (<see cref="LogisticsCompany.WaybillProvider"/>).
/// The local row, keyed like the request, is looked up first, so a replay after the step committed never calls out; a
/// replay after a crash between the carrier's answer and the commit asks again with the same key and gets the same number.
/// </summary>
public sealed partial class HttpWaybillIssuer(
    OrchestratorDbContext db,
    ReferenceDataCache reference,
    IEnumerable<ICarrierWaybillClient> carriers,
    TimeProvider clock,
    ILogger<HttpWaybillIssuer> logger) : IWaybillIssuer
{
    public async Task<Waybill> IssueAsync(SalesOrder order, Warehouse sender, IReadOnlyList<PackageLine> goods, string carrierCode, string idempotencyKey, CancellationToken cancellationToken)
    {
        var existing = await IdempotencyLookups.WaybillAsync(db, idempotencyKey, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var carrier = await CarrierAsync(carrierCode, cancellationToken);
        var number = await carrier.IssueAsync(order, sender, goods, carrierCode, idempotencyKey, cancellationToken);
        var waybill = new Waybill
        {
            OrderId = order.Id,
            IdempotencyKey = idempotencyKey,
            CarrierCode = carrierCode,
            TrackingNumber = number,
            IssuedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Waybills.Add(waybill);
        LogIssued(logger, carrier.Provider, carrierCode, number, order.Id, idempotencyKey);
        return waybill;
    }

    public async Task CancelAsync(Waybill waybill, CancellationToken cancellationToken)
    {
        var carrier = await CarrierAsync(waybill.CarrierCode, cancellationToken);
        await carrier.CancelAsync(waybill.CarrierCode, waybill.TrackingNumber, waybill.IdempotencyKey, cancellationToken);
        LogCancelled(logger, carrier.Provider, waybill.CarrierCode, waybill.TrackingNumber, waybill.OrderId);
    }

    private async Task<ICarrierWaybillClient> CarrierAsync(string carrierCode, CancellationToken cancellationToken)
    {
        var provider = (await reference.CarrierByCodeAsync(db, carrierCode, cancellationToken))?.Company.WaybillProvider ?? WaybillProviderKind.None;
        return carriers.FirstOrDefault(c => c.Provider == provider)
            ?? throw new InvalidOperationException(
                $"Logistics company {carrierCode} has no e-waybill provider: set its waybillProvider (SF, Cainiao or JD), then retry.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Provider} issued {CarrierCode} waybill {TrackingNumber} for order {OrderId} (key {IdempotencyKey})")]
    private static partial void LogIssued(ILogger logger, WaybillProviderKind provider, string carrierCode, string trackingNumber, long orderId, string idempotencyKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Provider} cancelled {CarrierCode} waybill {TrackingNumber} of order {OrderId}")]
    private static partial void LogCancelled(ILogger logger, WaybillProviderKind provider, string carrierCode, string trackingNumber, long orderId);
}
