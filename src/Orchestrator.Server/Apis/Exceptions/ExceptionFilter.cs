using System.Security.Claims;
using Orchestrator.Domain.Orders;
using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.Exceptions;

/// <summary>The exception queue's filters, shared by the list, its counts and its CSV export so each holds the same entries.</summary>
internal static class ExceptionFilter
{
    /// <summary>The entries <paramref name="user"/> may see (a reviewer's shops; everything for admins and ops leads), of one shop when given.</summary>
    public static IQueryable<ExceptionQueueEntry> VisibleTo(this IQueryable<ExceptionQueueEntry> entries, ClaimsPrincipal user, long? shopId)
    {
        if (shopId is { } shop)
        {
            entries = entries.Where(e => e.ShopId == shop);
        }

        if (user.ShopFilter() is { } assigned)
        {
            var shops = assigned.ToArray();
            entries = entries.Where(e => shops.Contains(e.ShopId));
        }

        return entries;
    }

    /// <summary>The 400 naming <c>state</c> or <c>kind</c> when it is not one the queue knows; null when both are fine (or left out).</summary>
    public static IResult? Problem(string? state, string? kind)
    {
        if (state is not (null or "open" or "resolved" or "all"))
        {
            return Problems.Invalid("state", "state is 'open' (default), 'resolved' or 'all'.");
        }

        return string.IsNullOrWhiteSpace(kind) || TryParseKind(kind, out _)
            ? null
            : Problems.Invalid("kind", $"'{kind}' is not an exception kind: {string.Join(", ", Enum.GetNames<OrderExceptionKind>().Skip(1))}.");
    }

    /// <summary>
    /// The entries in <paramref name="state"/> (<c>open</c>, the default, <c>resolved</c> or <c>all</c>) of <paramref name="kind"/>
    /// (any when empty); both checked by <see cref="Problem"/> first.
    /// </summary>
    public static IQueryable<ExceptionQueueEntry> Filtered(this IQueryable<ExceptionQueueEntry> entries, string? state, string? kind)
    {
        entries = state switch
        {
            "resolved" => entries.Where(e => e.ResolvedAt != null),
            "all" => entries,
            _ => entries.Where(e => e.ResolvedAt == null),
        };
        return !string.IsNullOrWhiteSpace(kind) && TryParseKind(kind, out var parsed) ? entries.Where(e => e.Kind == parsed) : entries;
    }

    private static bool TryParseKind(string text, out OrderExceptionKind kind) =>
        EnumNames.TryParse(text, out kind) && kind != OrderExceptionKind.None;
}
