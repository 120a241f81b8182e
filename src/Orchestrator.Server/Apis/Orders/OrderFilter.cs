using System.Security.Claims;
using Orchestrator.Domain.Orders;
using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.Orders;

/// <summary>The orders list's filters, shared by the list and its CSV export so the file holds exactly what the list shows.</summary>
internal static class OrderFilter
{
    /// <summary>
    /// The orders <paramref name="user"/> may read: all for admins and ops leads; otherwise those of their shops (a
    /// reviewer, a shop's API key) or allocated to their warehouses (warehouse staff).
    /// </summary>
    public static IQueryable<SalesOrder> VisibleTo(this IQueryable<SalesOrder> query, ClaimsPrincipal user)
    {
        if (user.IsUnscoped())
        {
            return query;
        }

        var shops = user.AssignedShops().ToArray();
        var warehouses = user.AssignedWarehouses().ToArray();
        return query.Where(o => shops.Contains(o.ShopId) || warehouses.Contains(o.WarehouseId ?? 0));
    }

    public static IQueryable<SalesOrder> Filtered(
        this IQueryable<SalesOrder> query, long? shopId, OrderStatus[]? status, OrderExceptionKind? exceptionKind, string? platformOrderId,
        bool? hasUnmappedSku, bool? hasPendingPlatformChange)
    {
        if (shopId is { } shop)
        {
            query = query.Where(o => o.ShopId == shop);
        }

        if (status is [var one])
        {
            query = query.Where(o => o.Status == one);
        }
        else if (status is { Length: > 1 })
        {
            query = query.Where(o => status.Contains(o.Status));
        }

        if (exceptionKind is { } kind)
        {
            query = query.Where(o => o.ExceptionKind == kind);
        }

        if (!string.IsNullOrWhiteSpace(platformOrderId))
        {
            query = query.Where(o => o.PlatformOrderId == platformOrderId);
        }

        if (hasUnmappedSku is { } unmapped)
        {
            query = query.Where(o => o.HasUnmappedSku == unmapped);
        }

        if (hasPendingPlatformChange is { } pending)
        {
            query = query.Where(o => (o.PendingPlatformChange != null) == pending);
        }

        return query;
    }
}
