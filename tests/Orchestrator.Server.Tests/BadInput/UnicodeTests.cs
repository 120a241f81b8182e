using System.Net;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;
using static Orchestrator.Server.Tests.Infrastructure.RuleJson;

namespace Orchestrator.Server.Tests.BadInput;

/// <summary>
/// Emoji, right-to-left text and combining marks are kept exactly; full-width digits in a phone number become ASCII and a
/// mainland mobile its 11 digits; a lone surrogate is refused naming the field; rules still match Chinese and full-width text.
/// </summary>
public sealed class UnicodeTests(SqliteServerFixture server) : BadInputTestBase(server), IClassFixture<SqliteServerFixture>
{
    public static TheoryData<string> Texts { get; } =
    [
        "👨‍👩‍👧‍👦 family 🏳️‍🌈 flag 👍🏽",
        "𠮷野家 𩸽 (outside the BMP: surrogate pairs)",
        "مرحبا بالعالم عنوان ١٢٣",
        "שלום \u202Eevil\u202C עולם",
        "e\u0301 a\u0308 n\u0303 Z\u0335\u0321\u0322a\u0336\u0327l\u0334g\u0337o",
        "ＡＢＣ１２３ 全角 ｶﾀｶﾅ",
        "\uFEFF zero\u200Bwidth \u200D joiner",
    ];

    [SkippableTheory]
    [MemberData(nameof(Texts))]
    public async Task Unicode_text_is_stored_and_returned_exactly(string text)
    {
        var shop = await CreateShopAsync();
        var order = PaidOrder(Unique("tid"), ("ANY", 1));
        order["buyerNick"] = text;
        order["buyerMessage"] = text;
        order["receiver"]!["name"] = text;
        order["receiver"]!["address"] = text;
        order["lines"]![0]!["title"] = text;

        var pushed = await PushAsync(shop.Id, order, HttpStatusCode.Created);
        var read = await ReadJsonAsync($"/api/orders/{pushed.Order.Id}");

        Assert.Equal(text, read["buyerNick"]!.GetValue<string>());
        Assert.Equal(text, read["buyerMessage"]!.GetValue<string>());
        Assert.Equal(text, read["receiver"]!["name"]!.GetValue<string>());
        Assert.Equal(text, read["receiver"]!["address"]!.GetValue<string>());
        Assert.Equal(text, read["lines"]![0]!["title"]!.GetValue<string>());
        Assert.Equal(IntakeUnchanged, (await PushAsync(shop.Id, order, HttpStatusCode.OK)).Outcome.ToString());
    }

    [SkippableTheory]
    [InlineData("１３９１２３４５６７８", "13912345678")]
    [InlineData("＋８６ １３９－１２３４－５６７８", "13912345678")]
    [InlineData("　１３９１２３４５６７８　", "13912345678")]
    [InlineData("139１２３45678", "13912345678")]
    [InlineData("+86 138-0013-8000", "13800138000")]
    [InlineData("0086 138 0013 8000", "13800138000")]
    [InlineData("（０５７１）８８８８８８８８", "(0571)88888888")]
    [InlineData("+1 415-555-0100", "+1 415-555-0100")]
    public async Task Full_width_digits_in_the_receiver_mobile_are_stored_as_ascii(string typed, string stored)
    {
        var shop = await CreateShopAsync();
        var order = PaidOrder(Unique("tid"), ("ANY", 1));
        order["receiver"]!["mobile"] = typed;

        var pushed = await PushAsync(shop.Id, order, HttpStatusCode.Created);

        Assert.Equal(stored, pushed.Order.Receiver.Mobile);
        Assert.Equal(stored, (await ReadJsonAsync($"/api/orders/{pushed.Order.Id}"))["receiver"]!["mobile"]!.GetValue<string>());
        Assert.Equal(IntakeUnchanged, (await PushAsync(shop.Id, order, HttpStatusCode.OK)).Outcome.ToString());
    }

    [SkippableTheory]
    [InlineData("\"\\uD800\"")]
    [InlineData("\"abc\\uDC00def\"")]
    [InlineData("\"\\uD83D\\u0041\"")]
    public async Task A_lone_surrogate_is_refused_naming_the_field(string json)
    {
        var shop = await CreateShopAsync();
        var order = Raw(PaidOrder(Unique("tid"), ("ANY", 1))).Replace("\"周末送货\"", json, StringComparison.Ordinal);
        var raw = Raw(PaidOrder(Unique("tid"), ("ANY", 1)));
        var line = raw.Replace("\"测试宝贝\"", json, StringComparison.Ordinal);
        Assert.NotEqual(raw, line);

        AssertNamesField(await ProblemAsync(await PostRawAsync($"/api/shops/{shop.Id}/orders", order), HttpStatusCode.BadRequest), "buyerMessage");
        AssertNamesField(await ProblemAsync(await PostRawAsync($"/api/shops/{shop.Id}/orders", line), HttpStatusCode.BadRequest), "lines[0].title");
        Assert.Equal(0, await CountOrdersAsync(shop.Id));
        await AssertStillServesAsync();
    }

    [SkippableFact]
    public async Task Rules_match_chinese_full_width_and_emoji_text()
    {
        var shop = await CreateShopAsync();
        var tea = (await CreateGoodsAsync(Unique("TEA"))).MerchantCode;
        await AddRuleAsync(shop.Id, Rule("invoice", "buyerMessage", "contains", "发票", name: "开票"), 0);
        await AddRuleAsync(shop.Id, Rule("vip", "buyerNick", "equals", "ＶＩＰ客户", name: "贵宾"), 1);
        await AddRuleAsync(shop.Id, Rule("far", "receiverProvince", "in", new JsonArray("新疆维吾尔自治区", "西藏自治区"), name: "偏远"), 2);
        await AddRuleAsync(shop.Id, Rule("emoji", "sellerMemo", "contains", "🎁", name: "礼物"), 3);
        await AddRuleAsync(shop.Id, Rule("digits", "buyerMessage", "regex", "^订单\\d{3}$", name: "编号"), 4);

        var matched = PaidOrder(Unique("tid"), (tea, 1));
        matched["buyerMessage"] = "请开发票，谢谢";
        matched["buyerNick"] = "vip客户";
        matched["receiver"]!["province"] = "西藏自治区";
        matched["sellerMemo"] = "送👨‍👩‍👧🎁";
        var fullWidthDigits = PaidOrder(Unique("tid"), (tea, 1));
        fullWidthDigits["buyerMessage"] = "订单１２３";

        var first = await DryRunAsync(shop.Id, matched);
        var second = await DryRunAsync(shop.Id, fullWidthDigits);

        var reasons = first["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        Assert.Equal("Block", first["decision"]!.GetValue<string>());
        Assert.Equal(["开票", "贵宾", "偏远", "礼物"], reasons.Select(r => r[..r.IndexOf(':', StringComparison.Ordinal)]));
        Assert.Equal(["编号: 原因"], second["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    private const string IntakeUnchanged = "Unchanged";
}
