using Orchestrator.Domain.Orders;

namespace Orchestrator.Server.Apis.Orders;

/// <summary>The orders list's filters, shared by the list and its CSV export so the file holds exactly what the list shows.</summary>
internal static class OrderFilter
{
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
