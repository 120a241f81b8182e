using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Catalog;
using Orchestrator.Domain.MasterData;
using Orchestrator.Persistence.Diagnostics;
using Orchestrator.Persistence.Rules;

namespace Orchestrator.Persistence.ReferenceData;

/// <summary>
/// Drops the <see cref="ReferenceDataCache"/> when a save through this process changes master data it holds, once that
/// change is committed: at once for a save outside a transaction, at the commit for one inside. Added to every context.
/// </summary>
public sealed class ReferenceDataChanges(ReferenceDataCache cache) : SaveOutcomeInterceptor
{
    private static readonly HashSet<Type> Cached = [typeof(Shop), typeof(ShopWarehouse), typeof(Platform), typeof(Warehouse), typeof(LogisticsCompany), typeof(FreightRate), typeof(Goods), typeof(RuleSetVersionRecord)];

    private static readonly object Marker = new();

    // Contexts with a saved change to master data that has not ended yet.
    private readonly ConditionalWeakTable<DbContext, object> _pending = new();

    /// <summary>Master data the cache holds: a save of it must drop the cache.</summary>
    public override bool Watches(DbContext context, object row) => Cached.Contains(row.GetType());

    protected override void Saving(DbContext context)
    {
        if (context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Cached.Contains(e.Metadata.ClrType)))
        {
            _pending.AddOrUpdate(context, Marker);
        }
    }

    protected override void Ended(DbContext context, bool committed)
    {
        if (_pending.Remove(context) && committed)
        {
            cache.Invalidate();
        }
    }
}
