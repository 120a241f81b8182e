using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;
using Orchestrator.Persistence.ReferenceData;

namespace Orchestrator.Lifecycle.Providers.Waybills;

/// <summary>
/// An order's waybills as the floor and the lifecycle handle them: issue one with the order's carrier and its
/// warehouse as sender, cancel at the carrier (recording the outcome on the row), re-issue under a new key. Changes go
/// through the scope's context without saving; the caller commits.
/// </summary>
public sealed partial class OrderWaybills(OrchestratorDbContext db, ReferenceDataCache reference, IWaybillIssuer issuer, TimeProvider clock)
{
    /// <summary>
    /// Takes (or finds) the waybill for <paramref name="idempotencyKey"/> from the order's carrier, sent from the
    /// package's warehouse, and makes it the package's number.
    /// </summary>
    public async Task<Waybill> IssueAsync(SalesOrder order, Package package, string idempotencyKey, CancellationToken cancellationToken)
    {
        var carrier = order.LogisticsCompanyId is { } id
            ? (await reference.CarrierAsync(db, id, cancellationToken))?.Company.Code
            : null;
        if (carrier is null)
        {
            throw new InvalidOperationException(
                $"Order {order.Id} has no logistics company: set the shop's default logistics company (or the order's), then retry.");
        }

        var sender = await reference.WarehouseAsync(db, package.WarehouseId, cancellationToken)
            ?? throw new InvalidOperationException($"Warehouse {package.WarehouseId} of package {package.Id} does not exist.");
        var waybill = await issuer.IssueAsync(order, sender, package.Lines, carrier, idempotencyKey, cancellationToken);
        waybill.PackageId = package.Id;
        package.TrackingNumber = waybill.TrackingNumber;
        package.Reach(PackageStatus.WaybillIssued);
        if (package.Sequence == 1 || order.TrackingNumber is null)
        {
            order.TrackingNumber = waybill.TrackingNumber;
        }

        return waybill;
    }

    /// <summary>Asks for every live waybill of the order to be cancelled; the cancellation job tells the carriers.</summary>
    public async Task<int> RequestCancelAllAsync(long orderId, string reason, CancellationToken cancellationToken)
    {
        var live = await db.Waybills.Where(w => w.OrderId == orderId && w.CancelRequestedAt == null).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        live.ForEach(w => w.RequestCancel(reason, now));
        return live.Count;
    }

    /// <summary>Tells the carrier now; true when it confirmed. A failure is recorded on the row for the job to try again.</summary>
    public async Task<bool> TryCancelAtCarrierAsync(Waybill waybill, CancellationToken cancellationToken)
    {
        try
        {
            await issuer.CancelAsync(waybill, cancellationToken);
            waybill.MarkCancelled(clock.GetUtcNow().UtcDateTime);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            waybill.MarkCancelFailed($"{ex.GetType().Name}: {ex.Message}", clock.GetUtcNow().UtcDateTime);
            return false;
        }
    }

    /// <summary>
    /// The key a replacement for <paramref name="replaced"/> is asked with: its package's key plus <c>:r</c> and the next
    /// number. SF never reuses a cancelled orderId, and the number is counted from what is committed, so a repeated
    /// request after a crash asks with the same key again.
    /// </summary>
    public async Task<string> ReplacementKeyAsync(Waybill replaced, CancellationToken cancellationToken)
    {
        var root = Reissue().Replace(replaced.IdempotencyKey, "");
        var prefix = root + ":r";
        var taken = await db.Waybills.AsNoTracking().Where(w => w.OrderId == replaced.OrderId && w.IdempotencyKey.StartsWith(prefix))
            .Select(w => w.IdempotencyKey).ToListAsync(cancellationToken);
        var next = taken.Select(k => int.TryParse(k[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        return prefix + next.ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(":r[0-9]+$")]
    private static partial Regex Reissue();
}
