using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;

namespace Orchestrator.Server.Apis.Orders;

/// <summary>
/// The orders list's <c>q</c>: what a person has in hand when a buyer calls. It matches the platform order id (whole, or
/// part of it when the text looks like an id), the buyer's nick and the receiver's name (from the start), the receiver's
/// mobile as intake normalizes it (so +86 and spaces do not matter), and a tracking number (whole on any of the order's
/// waybills, or the start of the order's own).
/// </summary>
internal static class OrderSearch
{
    /// <summary>As long as the longest field it matches (platform order id, tracking number).</summary>
    public const int MaxLength = PlatformOrderLimits.IdLength;

    /// <summary>Shorter text finds too much of an id to be worth the scan.</summary>
    private const int MinPartLength = 4;

    public static IResult? Problem(string? q) =>
        q is null ? null
        : q.Trim().Length > MaxLength ? Problems.Invalid("q", $"q must be at most {MaxLength} characters.")
        : q.Any(char.IsControl) ? Problems.Invalid("q", "q must not contain control characters.")
        : null;

    public static IQueryable<SalesOrder> Matching(this IQueryable<SalesOrder> orders, OrchestratorDbContext db, string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return orders;
        }

        var text = q.Trim();
        var mobile = PhoneNumber.Normalize(text);
        var waybillOrders = db.Waybills.Where(w => w.TrackingNumber == text).Select(w => w.OrderId);
        if (!LooksLikeId(text))
        {
            return orders.Where(o => o.PlatformOrderId == text || o.BuyerNick!.StartsWith(text) || o.ReceiverName.StartsWith(text)
                || o.ReceiverMobile == mobile || waybillOrders.Contains(o.Id));
        }

        return orders.Where(o => o.PlatformOrderId.Contains(text) || o.BuyerNick!.StartsWith(text) || o.ReceiverName.StartsWith(text)
            || o.ReceiverMobile == mobile || o.TrackingNumber!.StartsWith(text) || waybillOrders.Contains(o.Id));
    }

    /// <summary>Platform order ids and tracking numbers are ASCII letters, digits and dashes.</summary>
    private static bool LooksLikeId(string text) =>
        text.Length >= MinPartLength && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
