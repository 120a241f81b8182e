using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Persistence;

namespace Orchestrator.Lifecycle.Providers.Waybills;

/// <summary>
/// Tells the carriers about the waybills someone asked to cancel (a cancelled order, an instance cancelled, the floor's
/// re-issue) and records each outcome on the row. The request is committed with the cancellation that caused it, so
/// a carrier that is down, or a server that stops, only delays the call: the row waits with its last error and the
/// time of the next attempt (see <see cref="Domain.Fulfilment.Waybill.MarkCancelFailed"/>) until the carrier confirms.
/// </summary>
public sealed partial class WaybillCancellationService(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<WaybillOptions> options, ILogger<WaybillCancellationService> logger) : BackgroundService
{
    private const int Batch = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CancelPollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await DispatchAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDispatchFailed(logger, ex);
            }
        }
    }

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
        var waybills = scope.ServiceProvider.GetRequiredService<OrderWaybills>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Waybills
            .Where(w => w.CancelRequestedAt != null && w.CancelledAt == null && w.NextCancelAttemptAt <= now)
            .OrderBy(w => w.NextCancelAttemptAt).Take(Batch).ToListAsync(cancellationToken);
        foreach (var waybill in due)
        {
            if (await waybills.TryCancelAtCarrierAsync(waybill, cancellationToken))
            {
                LogCancelled(logger, waybill.CarrierCode, waybill.TrackingNumber, waybill.OrderId, waybill.CancelReason);
            }
            else
            {
                LogCarrierFailed(logger, waybill.CarrierCode, waybill.TrackingNumber, waybill.OrderId, waybill.CancelAttempts, waybill.NextCancelAttemptAt, waybill.CancelError);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled {CarrierCode} waybill {TrackingNumber} of order {OrderId} at the carrier ({Reason})")]
    private static partial void LogCancelled(ILogger logger, string carrierCode, string trackingNumber, long orderId, string? reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The carrier did not cancel {CarrierCode} waybill {TrackingNumber} of order {OrderId} (attempt {Attempts}, next at {NextAttempt:o}): {Error}")]
    private static partial void LogCarrierFailed(ILogger logger, string carrierCode, string trackingNumber, long orderId, int attempts, DateTime? nextAttempt, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatching waybill cancellations failed; the next tick tries again")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);
}
