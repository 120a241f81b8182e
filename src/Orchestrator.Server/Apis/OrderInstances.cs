using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Orchestrator.Persistence;

namespace Orchestrator.Server.Apis;

/// <summary>
/// Which workflow instance runs an order, remembered once found: every floor, review and exception action starts from
/// an order id. An order's instance never changes once it has one (the column is unique and set once; instances are
/// never deleted), so a remembered answer cannot go stale, on this server or any other; only found ones are kept.
/// </summary>
public sealed class OrderInstances : IDisposable
{
    private readonly MemoryCache _known = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    private static readonly MemoryCacheEntryOptions Entry = new() { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) };

    /// <summary>The instance of <paramref name="orderId"/>, or null when it has none (yet).</summary>
    public async Task<Guid?> FindAsync(OrchestratorDbContext db, long orderId, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(orderId, out Guid known))
        {
            return known;
        }

        var found = await db.WorkflowInstances.AsNoTracking().Where(i => i.SalesOrderId == orderId).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(cancellationToken);
        if (found is { } id)
        {
            _known.Set(orderId, id, Entry);
        }

        return found;
    }

    /// <summary>The instances of those of <paramref name="orderIds"/> that have one, with one query for the ones not yet remembered.</summary>
    public async Task<Dictionary<long, Guid>> FindManyAsync(OrchestratorDbContext db, IReadOnlyCollection<long> orderIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<long, Guid>(orderIds.Count);
        var unknown = new List<long>();
        foreach (var orderId in orderIds)
        {
            if (_known.TryGetValue(orderId, out Guid known))
            {
                found[orderId] = known;
            }
            else
            {
                unknown.Add(orderId);
            }
        }

        if (unknown.Count > 0)
        {
            var rows = await db.WorkflowInstances.AsNoTracking().Where(i => i.SalesOrderId != null && unknown.Contains(i.SalesOrderId.Value))
                .Select(i => new { OrderId = i.SalesOrderId!.Value, i.Id }).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                _known.Set(row.OrderId, row.Id, Entry);
                found[row.OrderId] = row.Id;
            }
        }

        return found;
    }

    /// <summary>The instance of an order known to have one (e.g. it sits in the exception queue, which only workflows fill).</summary>
    public async Task<Guid> RequiredAsync(OrchestratorDbContext db, long orderId, CancellationToken cancellationToken) =>
        await FindAsync(db, orderId, cancellationToken) ?? throw new InvalidOperationException($"Order {orderId} has no workflow instance.");

    public void Dispose() => _known.Dispose();
}
