using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;

namespace Orchestrator.Server.Apis.Orders;

/// <summary>
/// The orders list's <c>q</c>: what a person has in hand when a buyer calls. Whole values match through indexes: the
/// platform order id, the buyer's nick, the receiver's name, the receiver's mobile as intake normalizes it (so +86 and
/// spaces do not matter) and a tracking number (any of the order's waybills'; the order's own is its first package's).
/// Digits that are not a mobile also match part of a platform order id, which no index serves: that one scans the
/// orders (see docs/decisions.md).
/// </summary>
internal static class OrderSearch
{
    /// <summary>As long as the longest field it matches (platform order id, tracking number).</summary>
    public const int MaxLength = PlatformOrderLimits.IdLength;

    /// <summary>Fewer digits match too many ids to be worth the scan.</summary>
    private const int MinIdPartLength = 6;

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
        var waybills = db.Waybills;
        if (IsPartOfId(text, mobile))
        {
            return orders.Where(o => o.PlatformOrderId.Contains(text) || o.BuyerNick == text || o.ReceiverName == text
                || o.Id == waybills.Where(w => w.TrackingNumber == text).Select(w => (long?)w.OrderId).FirstOrDefault());
        }

        // Every term an index seek, so SQLite ORs the indexes (MULTI-INDEX OR) and PostgreSQL a BitmapOr; one term without
        // an index would make it a scan of every order. A tracking number is unique among waybills, so its order is one
        // id (a scalar subquery): PostgreSQL would filter row by row with IN (subquery).
        return orders.Where(o => o.PlatformOrderId == text || o.BuyerNick == text || o.ReceiverName == text || o.ReceiverMobile == mobile
            || o.Id == waybills.Where(w => w.TrackingNumber == text).Select(w => (long?)w.OrderId).FirstOrDefault());
    }

    /// <summary>Six or more digits that intake would not store as a mainland mobile (Taobao's ids are 18–19 digits).</summary>
    private static bool IsPartOfId(string text, string mobile) =>
        text.Length >= MinIdPartLength && text.All(char.IsAsciiDigit) && !IsMainlandMobile(mobile);

    private static bool IsMainlandMobile(string normalized) => normalized.Length == 11 && normalized[0] == '1' && normalized[1] is >= '3' and <= '9';
}
