using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Orders;
using Orchestrator.Lifecycle.Activities;
using Orchestrator.Lifecycle.Providers.Waybills;
using Orchestrator.Persistence;

using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.Waybills;

/// <summary>An order's e-waybills (电子面单): list them, cancel one at the carrier and take a replacement for a re-print.</summary>
internal static class WaybillsApi
{
    public static IEndpointRouteBuilder MapWaybillsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/orders/{orderId:long}/waybills").WithTags("Waybills");
        group.MapGet("/", List).ForReaders();
        group.MapPost("/{waybillId:long}:cancel", Cancel).ForWarehouse().ScopedToOrderWarehouse();
        routes.MapGet("/api/orders/{orderId:long}/waybill-labels", Labels).WithTags("Waybills").ForWarehouse().ScopedToOrderWarehouse();
        return routes;
    }

    private static async Task<IResult> List(long orderId, OrchestratorDbContext db, CancellationToken ct)
    {
        if (!await db.SalesOrders.AnyAsync(o => o.Id == orderId, ct))
        {
            return Problems.NotFound("Order", orderId);
        }

        var waybills = await db.Waybills.AsNoTracking().Where(w => w.OrderId == orderId).OrderBy(w => w.Id).ToListAsync(ct);
        return Results.Ok(waybills.Select(WaybillResponse.From));
    }

    /// <summary>The order's live waybills as printable labels; 409 while it has none (not yet requested, or all cancelled).</summary>
    private static async Task<IResult> Labels(long orderId, OrchestratorDbContext db, CancellationToken ct)
    {
        var order = await db.SalesOrders.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            return Problems.NotFound("Order", orderId);
        }

        var live = await db.Waybills.AsNoTracking().Where(w => w.OrderId == orderId && w.CancelRequestedAt == null).OrderBy(w => w.Id).ToListAsync(ct);
        if (live.Count == 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "No waybill to print",
                detail: $"Order {orderId} has no live waybill: it has not reached RequestWaybill, or its waybills were cancelled.");
        }

        var packages = await db.Packages.AsNoTracking().Where(p => p.OrderId == orderId).ToDictionaryAsync(p => p.Id, ct);
        var warehouseIds = packages.Values.Select(p => (long?)p.WarehouseId).Append(order.WarehouseId).OfType<long>().Distinct().ToList();
        var warehouses = await db.Warehouses.AsNoTracking().Where(w => warehouseIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        var codes = live.Select(w => w.CarrierCode).Distinct().ToList();
        var names = await db.LogisticsCompanies.AsNoTracking().Where(l => codes.Contains(l.Code)).ToDictionaryAsync(l => l.Code, l => l.Name, ct);
        var orderLines = order.Lines.SelectMany(l => l.Items).Select(i => (i.MerchantCode, i.Quantity)).ToList();
        var labels = live.Select(w => w.PackageId is { } id && packages.TryGetValue(id, out var package)
                ? new WaybillLabels.WaybillLabel(w, package.Lines.Select(l => (l.MerchantCode, l.Quantity)).ToList(), warehouses.GetValueOrDefault(package.WarehouseId))
                : new WaybillLabels.WaybillLabel(w, orderLines, order.WarehouseId is { } warehouseId ? warehouses.GetValueOrDefault(warehouseId) : null))
            .ToList();
        return WaybillLabels.Html(order, labels, names);
    }

    /// <summary>
    /// The replacement is taken first, so a carrier that refuses it leaves the old waybill live and the call can be
    /// repeated; then the old one is cancelled at the carrier, and when that fails the cancellation job keeps trying.
    /// </summary>
    private static async Task<IResult> Cancel(
        long orderId, long waybillId, WaybillCancelRequest? body, OrchestratorDbContext db, OrderWaybills waybills, TimeProvider clock, CancellationToken ct)
    {
        var order = await db.SalesOrders.FirstOrDefaultAsync(o => o.Id == orderId, ct);
        var waybill = order is null ? null : await db.Waybills.FirstOrDefaultAsync(w => w.Id == waybillId && w.OrderId == orderId, ct);
        if (order is null || waybill is null)
        {
            return order is null ? Problems.NotFound("Order", orderId) : Problems.NotFound("Waybill", waybillId);
        }

        if (body?.Reason is { Length: > 500 })
        {
            return Problems.Invalid("reason", "reason is at most 500 characters.");
        }

        if (!waybill.IsLive || order.Status == OrderStatus.Shipped)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Waybill cannot be cancelled",
                detail: waybill.IsLive
                    ? $"Order {orderId} has shipped with waybill {waybill.TrackingNumber}: intercept the parcel with the carrier instead."
                    : $"Waybill {waybill.TrackingNumber} was already cancelled at {waybill.CancelRequestedAt:o}.",
                extensions: new Dictionary<string, object?> { ["waybill"] = WaybillResponse.From(waybill) });
        }

        var reissue = (body?.Reissue ?? true) && order.Status != OrderStatus.Cancelled;
        var package = waybill.PackageId is { } packageId
            ? await db.Packages.FirstAsync(p => p.Id == packageId, ct)
            : (await OrderPackages.LoadAsync(db, order, ct)).FirstOrDefault();
        Domain.Fulfilment.Waybill? replacement = null;
        if (reissue && package is not null)
        {
            try
            {
                replacement = await waybills.IssueAsync(order, package, await waybills.ReplacementKeyAsync(waybill, ct), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Carrier did not issue a replacement",
                    detail: $"Waybill {waybill.TrackingNumber} is still live; nothing was cancelled. {ex.Message}");
            }
        }
        else
        {
            order.TrackingNumber = order.TrackingNumber == waybill.TrackingNumber ? null : order.TrackingNumber;
            package?.TrackingNumber = package.TrackingNumber == waybill.TrackingNumber ? null : package.TrackingNumber;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        waybill.RequestCancel(string.IsNullOrWhiteSpace(body?.Reason) ? "cancelled by the floor" : body.Reason.Trim(), now);
        await waybills.TryCancelAtCarrierAsync(waybill, ct);
        order.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        if (db.Database.CurrentTransaction is { } transaction)
        {
            await transaction.CommitAsync(ct);
        }

        return Results.Ok(new { cancelled = WaybillResponse.From(waybill), replacement = replacement is null ? null : WaybillResponse.From(replacement), trackingNumber = order.TrackingNumber });
    }
}
