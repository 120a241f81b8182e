using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain;
using Orchestrator.Domain.Catalog;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;

namespace Orchestrator.Lifecycle.Exceptions;

/// <summary>The orders waiting in the exception queue for a merchant code to be added to goods or combos.</summary>
public static class UnmappedOrders
{
    /// <summary>Every open <c>UnmappedSku</c> entry (of <paramref name="shopIds"/> when given) with its order's unmapped codes.</summary>
    public static async Task<IReadOnlyList<UnmappedOrder>> WaitingAsync(OrchestratorDbContext db, IReadOnlyCollection<long>? shopIds, CancellationToken cancellationToken)
    {
        var open = db.ExceptionQueue.AsNoTracking().Where(e => e.ResolvedAt == null && e.Kind == OrderExceptionKind.UnmappedSku);
        if (shopIds is not null)
        {
            open = open.Where(e => shopIds.Contains(e.ShopId));
        }

        var entries = await open.OrderBy(e => e.RaisedAt).ThenBy(e => e.Id)
            .Select(e => new { e.Id, e.OrderId, e.ShopId, e.Source }).ToListAsync(cancellationToken);
        var codes = await CodesAsync(db, entries.Select(e => e.OrderId).ToList(), cancellationToken);
        return entries.Select(e => new UnmappedOrder(e.Id, e.OrderId, e.ShopId, e.Source, codes.GetValueOrDefault(e.OrderId) ?? [])).ToList();
    }

    /// <summary>
    /// The merchant codes each of <paramref name="orderIds"/> waits on: its unmapped lines' codes as the platform sent them,
    /// in line order, each once ("" for a line that came without a code); orders with no unmapped line are left out.
    /// </summary>
    public static async Task<IReadOnlyDictionary<long, IReadOnlyList<string>>> CodesAsync(
        OrchestratorDbContext db, IReadOnlyCollection<long> orderIds, CancellationToken cancellationToken)
    {
        if (orderIds.Count == 0)
        {
            return new Dictionary<long, IReadOnlyList<string>>();
        }

        var lines = await db.SalesOrders.AsNoTracking().Where(o => orderIds.Contains(o.Id))
            .SelectMany(o => o.Lines.Where(l => l.Mapping == LineMappingKind.Unmapped).Select(l => new { l.OrderId, l.LineNo, l.MerchantCode }))
            .ToListAsync(cancellationToken);
        return lines.GroupBy(l => l.OrderId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.OrderBy(l => l.LineNo)
            .Select(l => l.MerchantCode ?? "").Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>How many of them wait on <paramref name="merchantCode"/> (compared as codes are matched).</summary>
    public static async Task<int> CountWaitingOnAsync(OrchestratorDbContext db, string merchantCode, CancellationToken cancellationToken)
    {
        var code = MerchantCode.Normalize(merchantCode);
        return (await WaitingAsync(db, null, cancellationToken)).Count(o => o.MerchantCodes.Any(c => c.Length > 0 && MerchantCode.Normalize(c) == code));
    }
}
