using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.Orders;
using Orchestrator.Integrations.Platforms;
using Orchestrator.Persistence;
using Orchestrator.Persistence.ReferenceData;

namespace Orchestrator.Lifecycle.Providers;

/// <summary>
/// When the shop has a platform connection, sends the confirmation and only then records it in the step's transaction
/// (through the local ledger): a faulted step's tracked changes are committed with its fault, so a row recorded first
/// would read as acknowledged on retry. Platforms refuse a second send for a shipped order, so a send that may have
/// reached the platform before (<c>earlierAttempt</c>: a crash or a fault before its answer was committed) first asks
/// the platform, and a refused send asks too: shipped with our tracking number is recorded as confirmed without sending;
/// shipped with another is a <see cref="ShipmentConflictException"/>. A confirmation already committed under this key
/// was acknowledged and is not sent again.
/// </summary>
public sealed partial class PlatformShipmentConfirmer(
    OrchestratorDbContext db, ReferenceDataCache reference, LocalShipmentLedger ledger, PlatformAdapters platforms, ILogger<PlatformShipmentConfirmer> logger) : IShipmentConfirmer
{
    public async Task<bool> SendsToPlatformAsync(SalesOrder order, CancellationToken cancellationToken) =>
        await PlatformOfAsync(order, cancellationToken) is not null;

    public async Task<ShipmentConfirmation> ConfirmAsync(
        SalesOrder order, string? logisticsCode, string trackingNumber, IReadOnlyList<string>? splitLineIds, string idempotencyKey, bool earlierAttempt,
        CancellationToken cancellationToken)
    {
        if (await IdempotencyLookups.ConfirmationAsync(db, idempotencyKey, cancellationToken) is { } acknowledged)
        {
            return acknowledged;
        }

        if (await PlatformOfAsync(order, cancellationToken) is { } platform)
        {
            var state = earlierAttempt ? await platform.ShipmentStateAsync(order.PlatformOrderId, splitLineIds, cancellationToken) : null;
            if (state is { IsShipped: true })
            {
                Accept(order, trackingNumber, state, idempotencyKey);
            }
            else
            {
                await SendAsync(platform, order, new ShipmentNotice(order.PlatformOrderId, logisticsCode, trackingNumber, idempotencyKey, splitLineIds), cancellationToken);
            }
        }

        return ledger.Record(order, logisticsCode, trackingNumber, idempotencyKey);
    }

    private async Task SendAsync(IPlatformAdapter platform, SalesOrder order, ShipmentNotice notice, CancellationToken cancellationToken)
    {
        try
        {
            await platform.ConfirmShipmentAsync(notice, cancellationToken);
        }
        catch (PlatformCallException)
        {
            // A refusal (or an answer lost on the way) may mean the platform has it shipped already: ask before failing.
            PlatformShipmentState state;
            try
            {
                state = await platform.ShipmentStateAsync(notice.PlatformOrderId, notice.SplitLineIds, cancellationToken);
            }
            catch (PlatformCallException)
            {
                state = PlatformShipmentState.NotShipped;
            }

            if (!state.IsShipped)
            {
                throw;
            }

            Accept(order, notice.TrackingNumber, state, notice.IdempotencyKey);
        }
    }

    private void Accept(SalesOrder order, string trackingNumber, PlatformShipmentState state, string idempotencyKey)
    {
        if (!state.HasTrackingNumber(trackingNumber))
        {
            throw new ShipmentConflictException(state.TrackingNumbers.Count == 0
                ? $"The platform has trade {order.PlatformOrderId} shipped already but does not say with which tracking number; ours is {trackingNumber}. Check on the platform before shipping this parcel."
                : $"The platform has trade {order.PlatformOrderId} shipped already with tracking number {string.Join(", ", state.TrackingNumbers)}, not ours ({trackingNumber}). Check which parcel the buyer gets before resolving.");
        }

        LogAlreadyShipped(logger, order.PlatformOrderId, trackingNumber, order.Id, idempotencyKey);
    }

    private async Task<IPlatformAdapter?> PlatformOfAsync(SalesOrder order, CancellationToken cancellationToken)
    {
        var shop = await reference.ShopOfAsync(db, order, cancellationToken);
        return platforms.For(shop.Code, shop.PlatformCode);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The platform has trade {PlatformOrderId} shipped with {TrackingNumber} already: recorded for order {OrderId} without sending again (key {IdempotencyKey})")]
    private static partial void LogAlreadyShipped(ILogger logger, string platformOrderId, string trackingNumber, long orderId, string idempotencyKey);
}
