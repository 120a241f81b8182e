namespace Orchestrator.Domain.Orders;

/// <summary>
/// One batch can hold one order more than once (a pull window whose pages shifted while trades changed, a pusher that
/// pages the same way). Only one copy per platform order id is applied: the newest <c>modified</c>, the later one on a tie.
/// </summary>
public static class PlatformOrderCopies
{
    /// <summary>For each order of <paramref name="orders"/>, the index of the copy of its platform order id that is applied.</summary>
    public static int[] KeptCopies(IReadOnlyList<PlatformOrder> orders)
    {
        var kept = new Dictionary<string, int>(orders.Count, StringComparer.Ordinal);
        for (var i = 0; i < orders.Count; i++)
        {
            if (!kept.TryGetValue(orders[i].PlatformOrderId, out var best) || !IsOlder(orders[i], orders[best]))
            {
                kept[orders[i].PlatformOrderId] = i;
            }
        }

        return orders.Select(o => kept[o.PlatformOrderId]).ToArray();
    }

    // A copy without a modified time ranks below one with it: it cannot be shown newer.
    private static bool IsOlder(PlatformOrder candidate, PlatformOrder kept) =>
        (candidate.ModifiedAt, kept.ModifiedAt) switch
        {
            (null, not null) => true,
            ({ } c, { } k) => c < k,
            _ => false,
        };
}
