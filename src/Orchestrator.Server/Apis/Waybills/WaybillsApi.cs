using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Orders;
using Orchestrator.Lifecycle.Providers.Waybills;
using Orchestrator.Persistence;

namespace Orchestrator.Server.Apis.Waybills;

/// <summary>An order's e-waybills (电子面单): list them, cancel one at the carrier and take a replacement for a re-print.</summary>
internal static class WaybillsApi
{
    public static IEndpointRouteBuilder MapWaybillsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/orders/{orderId:long}/waybills").WithTags("Waybills");
        group.MapGet("/", List);
        group.MapPost("/{waybillId:long}:cancel", Cancel);
        routes.MapGet("/api/orders/{orderId:long}/waybill-labels", Labels).WithTags("Waybills");
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

        var sender = order.WarehouseId is { } warehouseId ? await db.Warehouses.AsNoTracking().FirstOrDefaultAsync(w => w.Id == warehouseId, ct) : null;
        var codes = live.Select(w => w.CarrierCode).Distinct().ToList();
        var names = await db.LogisticsCompanies.AsNoTracking().Where(l => codes.Contains(l.Code)).ToDictionaryAsync(l => l.Code, l => l.Name, ct);
        return WaybillLabels.Html(order, live, sender, names);
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
        Domain.Fulfilment.Waybill? replacement = null;
        if (reissue)
        {
            try
            {
                replacement = await waybills.IssueAsync(order, await waybills.ReplacementKeyAsync(waybill, ct), ct);
                if (order.TrackingNumber == waybill.TrackingNumber)
                {
                    order.TrackingNumber = replacement.TrackingNumber;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Carrier did not issue a replacement",
                    detail: $"Waybill {waybill.TrackingNumber} is still live; nothing was cancelled. {ex.Message}");
            }
        }
        else if (order.TrackingNumber == waybill.TrackingNumber)
        {
            order.TrackingNumber = null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        waybill.RequestCancel(string.IsNullOrWhiteSpace(body?.Reason) ? "cancelled by the floor" : body.Reason.Trim(), now);
        await waybills.TryCancelAtCarrierAsync(waybill, ct);
        order.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return Results.Ok(new { cancelled = WaybillResponse.From(waybill), replacement = replacement is null ? null : WaybillResponse.From(replacement), trackingNumber = order.TrackingNumber });
    }
}
