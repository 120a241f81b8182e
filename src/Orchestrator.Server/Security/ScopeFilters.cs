using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;

namespace Orchestrator.Server.Security;

/// <summary>
/// Endpoint filters that narrow a role to its assignments: a reviewer acts on orders of their shops only, a warehouse
/// hand on orders, packages and pick lists of their warehouses only. Admins and ops lead pass without a lookup. A record
/// that does not exist passes through, so the endpoint answers its own 404.
/// </summary>
public static class ScopeFilters
{
    /// <summary>The route's <c>orderId</c> must belong to one of the caller's shops.</summary>
    public static RouteHandlerBuilder ScopedToOrderShop(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter((context, next) => Check(context, next, "orderId", async (db, id, ct) =>
            await db.SalesOrders.Where(o => o.Id == id).Select(o => (long?)o.ShopId).FirstOrDefaultAsync(ct) is { } shop
                ? Shop(context.HttpContext, shop, $"Order {id}")
                : null));

    /// <summary>The route's exception-queue <c>entryId</c> must belong to one of the caller's shops.</summary>
    public static RouteHandlerBuilder ScopedToExceptionShop(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter((context, next) => Check(context, next, "entryId", async (db, id, ct) =>
            await db.ExceptionQueue.Where(e => e.Id == id).Select(e => (long?)e.ShopId).FirstOrDefaultAsync(ct) is { } shop
                ? Shop(context.HttpContext, shop, $"Exception {id}")
                : null));

    /// <summary>The route's <c>orderId</c> must be in one of the caller's warehouses (its own, or one of its packages').</summary>
    public static RouteHandlerBuilder ScopedToOrderWarehouse(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter((context, next) => Check(context, next, "orderId", async (db, id, ct) =>
        {
            var order = await db.SalesOrders.Where(o => o.Id == id).Select(o => new { o.WarehouseId }).FirstOrDefaultAsync(ct);
            if (order is null)
            {
                return null;
            }

            var assigned = context.HttpContext.User.AssignedWarehouses();
            var warehouses = await db.Packages.Where(p => p.OrderId == id).Select(p => p.WarehouseId).ToListAsync(ct);
            return warehouses.Append(order.WarehouseId ?? 0).Any(assigned.Contains)
                ? null
                : Denied($"Order {id} is not in a warehouse assigned to you.");
        }));

    /// <summary>
    /// The route's <c>orderId</c> must be readable by the caller: of one of their shops (a reviewer, a shop's key), or in
    /// one of their warehouses, its own or one of its packages' (warehouse staff).
    /// </summary>
    public static RouteHandlerBuilder ScopedToOrderReader(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter((context, next) => Check(context, next, "orderId", (db, id, ct) => OrderReaderDenialAsync(context.HttpContext, db, id, ct)));

    /// <summary>The route's workflow <c>instanceId</c> must be of an order the caller may read (<see cref="ScopedToOrderReader"/>).</summary>
    public static RouteHandlerBuilder ScopedToInstanceReader(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!http.User.IsUnscoped() && Guid.TryParse(http.GetRouteValue("instanceId") as string, out var id))
            {
                var db = http.RequestServices.GetRequiredService<OrchestratorDbContext>();
                var orderId = await db.WorkflowInstances.Where(i => i.Id == id).Select(i => i.SalesOrderId).FirstOrDefaultAsync(http.RequestAborted);
                if (orderId is { } order && await OrderReaderDenialAsync(http, db, order, http.RequestAborted) is { } denied)
                {
                    return denied;
                }
            }

            return await next(context);
        });

    private static async Task<IResult?> OrderReaderDenialAsync(HttpContext http, OrchestratorDbContext db, long id, CancellationToken ct)
    {
        var order = await db.SalesOrders.Where(o => o.Id == id).Select(o => new { o.ShopId, o.WarehouseId }).FirstOrDefaultAsync(ct);
        if (order is null || http.User.CanReachShop(order.ShopId))
        {
            return null;
        }

        var warehouses = await db.Packages.Where(p => p.OrderId == id).Select(p => (long?)p.WarehouseId).ToListAsync(ct);
        return http.User.CanReadOrder(order.ShopId, warehouses.Append(order.WarehouseId))
            ? null
            : Denied($"Order {id} belongs to shop {order.ShopId}, which is not assigned to you, and is not in one of your warehouses.");
    }

    /// <summary>The route's <c>warehouseId</c> must be one of the caller's warehouses.</summary>
    public static RouteHandlerBuilder ScopedToRouteWarehouse(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter((context, next) => Check(context, next, "warehouseId", (_, id, _) =>
            Task.FromResult(Warehouse(context.HttpContext, id, $"Warehouse {id}"))));

    /// <summary>The route's pick list <c>id</c> must be of one of the caller's warehouses.</summary>
    public static RouteHandlerBuilder ScopedToPickListWarehouse(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter((context, next) => Check(context, next, "id", async (db, id, ct) =>
            await db.PickLists.Where(p => p.Id == id).Select(p => (long?)p.WarehouseId).FirstOrDefaultAsync(ct) is { } warehouse
                ? Warehouse(context.HttpContext, warehouse, $"Pick list {id}")
                : null));

    private static async ValueTask<object?> Check(
        EndpointFilterInvocationContext context, EndpointFilterDelegate next, string routeKey, Func<OrchestratorDbContext, long, CancellationToken, Task<IResult?>> check)
    {
        var http = context.HttpContext;
        if (!http.User.IsUnscoped()
            && long.TryParse(http.GetRouteValue(routeKey) as string, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && await check(http.RequestServices.GetRequiredService<OrchestratorDbContext>(), id, http.RequestAborted) is { } denied)
        {
            return denied;
        }

        return await next(context);
    }

    private static IResult? Shop(HttpContext context, long shopId, string what) =>
        context.User.CanReachShop(shopId) ? null : Denied($"{what} belongs to shop {shopId}, which is not assigned to you.");

    private static IResult? Warehouse(HttpContext context, long warehouseId, string what) =>
        context.User.CanReachWarehouse(warehouseId) ? null : Denied($"{what} is in warehouse {warehouseId}, which is not assigned to you.");

    private static IResult Denied(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not assigned to you", detail: detail);
}
