using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain;
using Orchestrator.Domain.Catalog;

namespace Orchestrator.Persistence.Intake;

/// <summary>
/// Reads the goods and combos a set of merchant codes may map to, by their own codes or a person's mapping: what intake and
/// re-mapping resolve lines against. Mappings are read only for codes no goods or combo has, so intake pays for them only then.
/// </summary>
public static class MerchantCodeCatalogs
{
    public static async Task<MerchantCodeCatalog> LoadAsync(OrchestratorDbContext db, IEnumerable<string?> merchantCodes, CancellationToken cancellationToken)
    {
        var codes = merchantCodes
            .Where(c => !string.IsNullOrWhiteSpace(c))
            .Select(c => MerchantCode.Normalize(c!))
            .Distinct()
            .ToList();
        var goods = await GoodsAsync(db, g => codes.Contains(g.NormalizedMerchantCode), cancellationToken);
        var combos = await CombosAsync(db, c => codes.Contains(c.NormalizedCode), cancellationToken);
        var owned = goods.Where(g => g.IsEnabled).Select(g => g.NormalizedMerchantCode).Concat(combos.Where(c => c.IsEnabled).Select(c => c.NormalizedCode)).ToHashSet();
        var others = codes.Where(c => !owned.Contains(c)).ToList();
        if (others.Count == 0)
        {
            return new MerchantCodeCatalog(goods, combos);
        }

        var mappings = await db.MerchantCodeMappings.AsNoTracking().Where(m => others.Contains(m.NormalizedCode)).ToListAsync(cancellationToken);
        var goodsIds = mappings.Where(m => m.GoodsId is not null).Select(m => m.GoodsId!.Value).ToList();
        var comboIds = mappings.Where(m => m.ComboId is not null).Select(m => m.ComboId!.Value).ToList();
        if (goodsIds.Count > 0)
        {
            goods.AddRange(await GoodsAsync(db, g => goodsIds.Contains(g.Id), cancellationToken));
        }

        if (comboIds.Count > 0)
        {
            combos.AddRange(await CombosAsync(db, c => comboIds.Contains(c.Id), cancellationToken));
        }

        return new MerchantCodeCatalog(goods, combos, mappings);
    }

    private static Task<List<Goods>> GoodsAsync(OrchestratorDbContext db, Expression<Func<Goods, bool>> filter, CancellationToken cancellationToken) =>
        db.Goods.AsNoTracking().Where(filter).ToListAsync(cancellationToken);

    private static Task<List<Combo>> CombosAsync(OrchestratorDbContext db, Expression<Func<Combo, bool>> filter, CancellationToken cancellationToken) =>
        db.Combos.AsNoTracking().Where(filter).Include(c => c.Items).ThenInclude(i => i.Goods).AsSplitQuery().ToListAsync(cancellationToken);
}
