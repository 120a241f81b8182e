using Orchestrator.Domain.Catalog;

namespace Orchestrator.Domain.Tests.Catalog;

public class MerchantCodeCatalogTests
{
    private static readonly Goods Tea = new() { Id = 1, MerchantCode = "TEA-01", Name = "龙井" };
    private static readonly Goods Cup = new() { Id = 2, MerchantCode = "CUP-01", Name = "茶杯" };
    private static readonly Goods GiftSetAsGoods = new() { Id = 3, MerchantCode = "GIFT-SET", Name = "礼盒 (单品)" };

    private static Combo GiftSet() => new()
    {
        Id = 10,
        Code = "GIFT-SET",
        Name = "礼盒套装",
        Items = [new ComboItem { GoodsId = 1, Quantity = 1 }, new ComboItem { GoodsId = 2, Quantity = 2 }],
    };

    [Fact]
    public void Combo_code_wins_over_a_goods_with_the_same_code()
    {
        var catalog = new MerchantCodeCatalog([Tea, Cup, GiftSetAsGoods], [GiftSet()]);

        var mapping = catalog.Resolve("GIFT-SET");

        Assert.Equal(LineMappingKind.Combo, mapping.Kind);
        Assert.Equal(10, mapping.ComboId);
        Assert.Null(mapping.GoodsId);
        Assert.Equal([(1L, "TEA-01", 1), (2L, "CUP-01", 2)], mapping.Components.Select(c => (c.GoodsId, c.MerchantCode, c.QuantityPerUnit)));
    }

    [Theory]
    [InlineData("ＧＩＦＴ－ＳＥＴ", LineMappingKind.Combo, "GIFT-SET")]
    [InlineData("\u3000gift-set ", LineMappingKind.Combo, "GIFT-SET")]
    [InlineData("ｔｅａ－０１", LineMappingKind.Goods, "TEA-01")]
    [InlineData(" Tea-01\t", LineMappingKind.Goods, "TEA-01")]
    public void Full_width_lower_case_and_padded_codes_resolve_to_the_catalog_spelling(string sent, LineMappingKind kind, string matched)
    {
        var catalog = new MerchantCodeCatalog([Tea, Cup, GiftSetAsGoods], [GiftSet()]);

        var mapping = catalog.Resolve(sent);

        Assert.Equal((kind, matched), (mapping.Kind, mapping.MatchedCode));
    }

    [Fact]
    public void Goods_code_maps_to_that_goods_alone()
    {
        var catalog = new MerchantCodeCatalog([Tea, Cup], [GiftSet()]);

        var mapping = catalog.Resolve("TEA-01");

        Assert.Equal(LineMappingKind.Goods, mapping.Kind);
        Assert.Equal(1, mapping.GoodsId);
        Assert.Equal(new MappedComponent(1, "TEA-01", 1), Assert.Single(mapping.Components));
    }

    [Theory]
    [InlineData(" TEA-01")]
    [InlineData("tea-01 ")]
    [InlineData("Tea-01")]
    public void Codes_match_trimmed_and_ignoring_case(string pasted)
    {
        var catalog = new MerchantCodeCatalog([Tea], []);

        Assert.Equal(1, catalog.Resolve(pasted).GoodsId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("NO-SUCH-CODE")]
    public void Missing_or_unknown_codes_are_unmapped(string? code)
    {
        var catalog = new MerchantCodeCatalog([Tea, Cup], [GiftSet()]);

        var mapping = catalog.Resolve(code);

        Assert.False(mapping.IsMapped);
        Assert.Empty(mapping.Components);
    }

    [Fact]
    public void Disabled_goods_and_combos_are_not_matched()
    {
        var disabledTea = new Goods { Id = 1, MerchantCode = "TEA-01", Name = "龙井", IsEnabled = false };
        var disabledSet = GiftSet();
        disabledSet.IsEnabled = false;
        var catalog = new MerchantCodeCatalog([disabledTea, GiftSetAsGoods], [disabledSet]);

        Assert.False(catalog.Resolve("TEA-01").IsMapped);
        Assert.Equal(LineMappingKind.Goods, catalog.Resolve("GIFT-SET").Kind);
    }

    [Fact]
    public void Merchant_codes_are_unique_by_their_normalized_form()
    {
        var a = new Goods { MerchantCode = " abc-1 ", Name = "a" };
        var b = new Goods { MerchantCode = "ABC-1", Name = "b" };

        Assert.Equal("abc-1", a.MerchantCode);
        Assert.Equal(a.NormalizedMerchantCode, b.NormalizedMerchantCode);
        Assert.Equal(MerchantCode.Normalize("abc-1"), new Combo { Code = "abc-1 ", Name = "c" }.NormalizedCode);
    }
}
