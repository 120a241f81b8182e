using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.MasterData;
using Orchestrator.Persistence.Rules;

namespace Orchestrator.Persistence.ReferenceData;

/// <summary>
/// The master data every order step reads (shops with their settings and warehouse priorities, platforms, warehouses,
/// carriers with freight rates, goods weights, each scope's current rule-set version), kept in memory so a step does
/// not query it again for each order (DESIGN.md §6). Correct by two rules: a change saved through any context of this process
/// (<see cref="ReferenceDataChanges"/>) drops everything as soon as it commits, and no entry is older than
/// <see cref="ReferenceDataOptions.MaxAgeSeconds"/>, which bounds what another server of a cluster (or a hand-edited
/// database) can leave stale. Loading uses the caller's context; the values handed out are shared and must not be
/// modified.
/// </summary>
public sealed class ReferenceDataCache(TimeProvider clock, ReferenceDataOptions options)
{
    private readonly ConcurrentDictionary<long, Entry<ShopSettings>> _shops = new();
    private readonly ConcurrentDictionary<long, Entry<Warehouse>> _warehouses = new();
    private readonly ConcurrentDictionary<long, Entry<CarrierSettings>> _carriers = new();
    private readonly ConcurrentDictionary<string, Entry<CarrierSettings>> _carriersByCode = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, Entry<decimal>> _goodsWeights = new();
    private readonly ConcurrentDictionary<(RuleScopeKind, long), Entry<int?>> _ruleSetVersions = new();
    private long _generation;

    /// <summary>Drops every entry: something they were read from changed.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    /// <summary>The shop's settings, or null when there is no such shop.</summary>
    public Task<ShopSettings?> ShopAsync(OrchestratorDbContext db, long shopId, CancellationToken ct) =>
        GetAsync(_shops, shopId, async () =>
        {
            var shop = await db.Shops.AsNoTracking().Include(s => s.Warehouses).Include(s => s.Platform)
                .FirstOrDefaultAsync(s => s.Id == shopId, ct);
            return shop is null ? null : new ShopSettings(shop.Id, shop.Code, shop.PlatformId, shop.Platform!.Code, shop.IsEnabled,
                shop.AllowOutOfStock, shop.AllowSplitPackages, shop.DefaultWarehouseId, shop.DefaultLogisticsCompanyId, shop.WorkflowDefinitionId,
                shop.Warehouses.OrderBy(w => w.Priority).Select(w => w.WarehouseId).ToList());
        });

    /// <summary>The warehouse (enabled or not), or null when there is no such warehouse.</summary>
    public Task<Warehouse?> WarehouseAsync(OrchestratorDbContext db, long warehouseId, CancellationToken ct) =>
        GetAsync(_warehouses, warehouseId, () => db.Warehouses.AsNoTracking().FirstOrDefaultAsync(w => w.Id == warehouseId, ct));

    /// <summary>The carrier (logistics company) with its freight rates, or null when there is no such carrier.</summary>
    public Task<CarrierSettings?> CarrierAsync(OrchestratorDbContext db, long carrierId, CancellationToken ct) =>
        GetAsync(_carriers, carrierId, () => LoadCarrierAsync(db, db.LogisticsCompanies.AsNoTracking().Where(l => l.Id == carrierId), ct));

    /// <summary>The carrier whose code is <paramref name="code"/> (as stored), or null.</summary>
    public Task<CarrierSettings?> CarrierByCodeAsync(OrchestratorDbContext db, string code, CancellationToken ct) =>
        GetAsync(_carriersByCode, code, () => LoadCarrierAsync(db, db.LogisticsCompanies.AsNoTracking().Where(l => l.Code == code), ct));

    /// <summary>The current (highest) rule-set version of a scope, or null when it never had rules.</summary>
    public Task<int?> RuleSetVersionAsync(OrchestratorDbContext db, RuleScopeKind kind, long scopeId, CancellationToken ct) =>
        GetAsync(_ruleSetVersions, (kind, scopeId), () => db.RuleSetVersions.AsNoTracking()
            .Where(r => r.ScopeKind == kind && r.ScopeId == scopeId).MaxAsync(r => (int?)r.Version, ct));

    /// <summary>The weight per unit of each goods record asked for that exists.</summary>
    public async Task<IReadOnlyDictionary<long, decimal>> GoodsWeightsAsync(OrchestratorDbContext db, IReadOnlyCollection<long> goodsIds, CancellationToken ct)
    {
        var generation = Volatile.Read(ref _generation);
        var weights = new Dictionary<long, decimal>(goodsIds.Count);
        var missing = new List<long>();
        foreach (var id in goodsIds.Distinct())
        {
            if (_goodsWeights.TryGetValue(id, out var entry) && Fresh(entry))
            {
                weights[id] = entry.Value!;
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count > 0)
        {
            var loadedAt = clock.GetTimestamp();
            foreach (var (id, weight) in await db.Goods.AsNoTracking().Where(g => missing.Contains(g.Id)).Select(g => new { g.Id, g.WeightKg })
                .ToDictionaryAsync(g => g.Id, g => g.WeightKg, ct))
            {
                weights[id] = weight;
                _goodsWeights[id] = new Entry<decimal>(weight, generation, loadedAt);
            }
        }

        return weights;
    }

    private static async Task<CarrierSettings?> LoadCarrierAsync(OrchestratorDbContext db, IQueryable<LogisticsCompany> query, CancellationToken ct)
    {
        var company = await query.FirstOrDefaultAsync(ct);
        if (company is null)
        {
            return null;
        }

        var rates = await db.FreightRates.AsNoTracking().Where(r => r.LogisticsCompanyId == company.Id).ToListAsync(ct);
        return new CarrierSettings(company, rates);
    }

    private async Task<T?> GetAsync<TKey, T>(ConcurrentDictionary<TKey, Entry<T>> entries, TKey key, Func<Task<T?>> load)
        where TKey : notnull
    {
        if (entries.TryGetValue(key, out var entry) && Fresh(entry))
        {
            return entry.Value;
        }

        // The generation is read before the query: a change committed while it runs leaves this entry already stale.
        var generation = Volatile.Read(ref _generation);
        var loadedAt = clock.GetTimestamp();
        var value = await load();
        entries[key] = new Entry<T>(value, generation, loadedAt);
        return value;
    }

    private bool Fresh<T>(Entry<T> entry) =>
        entry.Generation == Volatile.Read(ref _generation) && clock.GetElapsedTime(entry.LoadedAt).TotalSeconds < options.MaxAgeSeconds;

    private sealed record Entry<T>(T? Value, long Generation, long LoadedAt);
}

/// <summary>A shop as the order steps read it: settings, platform, and the warehouses it ships from in priority order.</summary>
public sealed record ShopSettings(
    long Id, string Code, long PlatformId, string PlatformCode, bool IsEnabled, bool AllowOutOfStock, bool AllowSplitPackages,
    long? DefaultWarehouseId, long? DefaultLogisticsCompanyId, string? WorkflowDefinitionId, IReadOnlyList<long> WarehousePriority);

/// <summary>A carrier with its freight rate template.</summary>
public sealed record CarrierSettings(LogisticsCompany Company, IReadOnlyList<FreightRate> FreightRates);

/// <summary><c>ReferenceData:MaxAgeSeconds</c>: the longest a cached master-data entry is used before it is read again.</summary>
public sealed class ReferenceDataOptions
{
    public const string Section = "ReferenceData";

    public double MaxAgeSeconds { get; set; } = 2;
}
