using System.Collections.Concurrent;

namespace Orchestrator.Simulators.Platform;

/// <summary>Page shifts armed for a seller's next order search; one search (until its last page) uses one up.</summary>
public sealed class PageShifts
{
    private readonly ConcurrentDictionary<string, PageShiftRequest> _armed = new(StringComparer.Ordinal);

    public void Arm(PageShiftRequest shift) => _armed[shift.Seller] = shift;

    /// <summary>Serves page <paramref name="pageNo"/> of a search through <paramref name="search"/>, shifted if one is armed for the seller.</summary>
    public (IReadOnlyList<SimTrade> Page, int Total, bool HasNext) Serve(
        string? seller, int pageNo, Func<int, (IReadOnlyList<SimTrade> Page, int Total, bool HasNext)> search)
    {
        if (seller is null || !_armed.TryGetValue(seller, out var shift))
        {
            return search(pageNo);
        }

        var repeat = shift.RepeatPage is { } n && n >= 1 ? n : int.MaxValue;
        var (page, total, hasNext) = search(pageNo > repeat ? pageNo - 1 : pageNo);
        if (pageNo == repeat)
        {
            hasNext = true;
        }

        if (pageNo == 1 && shift.Copies is { Count: > 0 } copies)
        {
            page = [.. page, .. copies];
        }

        if (!hasNext)
        {
            _armed.TryRemove(KeyValuePair.Create(seller, shift));
        }

        return (page, total, hasNext);
    }
}
