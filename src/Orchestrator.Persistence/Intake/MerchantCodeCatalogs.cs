using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain;
using Orchestrator.Domain.Catalog;

namespace Orchestrator.Persistence.Intake;

/// <summary>Reads the goods and combos a set of merchant codes may map to: what intake and re-mapping resolve lines against.</summary>
public static class MerchantCodeCatalogs
{
    public static async Task<MerchantCodeCatalog> LoadAsync(OrchestratorDbContext db, IEnumerable<string?> merchantCodes, CancellationToken cancellationToken)
    {
        var codes = merchantCodes
            .Where(c => !string.IsNullOrWhiteSpace(c))
            .Select(c => MerchantCode.Normalize(c!))
            .Distinct()
            .ToList();
        var goods = await db.Goods.AsNoTracking().Where(g => codes.Contains(g.NormalizedMerchantCode)).ToListAsync(cancellationToken);
        var combos = await db.Combos.AsNoTracking()
            .Where(c => codes.Contains(c.NormalizedCode))
            .Include(c => c.Items).ThenInclude(i => i.Goods)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return new MerchantCodeCatalog(goods, combos);
    }
}
