namespace Orchestrator.Domain.Catalog;

/// <summary>
/// Resolves merchant codes (商家编码) to goods or combos, compared as <see cref="MerchantCode.Normalize"/> keys. A combo code
/// wins over a goods code with the same key (seed 000 §2: 优先按照套餐来生成出库单), and both over a code a person mapped to
/// goods or a combo (<see cref="MerchantCodeMapping"/>); disabled goods and combos are not matched.
/// </summary>
public sealed class MerchantCodeCatalog
{
    private readonly Dictionary<string, LineMapping> _byCode = new(StringComparer.Ordinal);

    public MerchantCodeCatalog(IEnumerable<Goods> goods, IEnumerable<Combo> combos, IEnumerable<MerchantCodeMapping>? mappings = null)
    {
        var goodsById = new Dictionary<long, Goods>();
        foreach (var g in goods)
        {
            goodsById[g.Id] = g;
            if (g.IsEnabled)
            {
                _byCode[MerchantCode.Normalize(g.MerchantCode)] = new LineMapping(
                    LineMappingKind.Goods, g.Id, null, [new MappedComponent(g.Id, g.MerchantCode, 1)], g.MerchantCode);
            }
        }

        var combosById = new Dictionary<long, LineMapping>();
        foreach (var combo in combos.Where(c => c.IsEnabled))
        {
            var components = combo.Items
                .Select(i => new MappedComponent(i.GoodsId, i.Goods?.MerchantCode ?? goodsById.GetValueOrDefault(i.GoodsId)?.MerchantCode ?? "", i.Quantity))
                .ToList();
            combosById[combo.Id] = _byCode[MerchantCode.Normalize(combo.Code)] = new LineMapping(LineMappingKind.Combo, null, combo.Id, components, combo.Code);
        }

        foreach (var mapping in mappings ?? [])
        {
            var target = mapping.ComboId is { } comboId
                ? combosById.GetValueOrDefault(comboId)
                : goodsById.GetValueOrDefault(mapping.GoodsId ?? 0) is { IsEnabled: true } g
                    ? new LineMapping(LineMappingKind.Goods, g.Id, null, [new MappedComponent(g.Id, g.MerchantCode, 1)], g.MerchantCode)
                    : null;
            if (target is not null)
            {
                _byCode.TryAdd(mapping.NormalizedCode, target);
            }
        }
    }

    public LineMapping Resolve(string? merchantCode) =>
        string.IsNullOrWhiteSpace(merchantCode)
            ? LineMapping.Unmapped
            : _byCode.GetValueOrDefault(MerchantCode.Normalize(merchantCode), LineMapping.Unmapped);

    /// <summary>The codes of <paramref name="merchantCodes"/> that map to no goods or combo, in their order.</summary>
    public List<string> Unmapped(IEnumerable<string> merchantCodes) => merchantCodes.Where(c => !Resolve(c).IsMapped).ToList();
}
