using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Platforms;

/// <summary>
/// Merchant codes compare width-folded, trimmed and case-insensitively wherever one is matched: pulled trades map, combos
/// resolve their goods, the verify scan accepts the goods, and a second goods or combo cannot take a folded twin of a code.
/// </summary>
public sealed class MerchantCodeFoldingTests(PlatformSqliteFixture server) : LifecycleTestBase(server), IClassFixture<PlatformSqliteFixture>
{
    private const string Seller = "PULL-CODES";

    private PlatformSimulatorHost Simulator => server.Simulator;

    [SkippableFact]
    public async Task Full_width_lower_case_and_padded_codes_of_a_pulled_trade_map_keep_what_was_sent_and_pass_the_verify_scan()
    {
        var (cup, tea, set) = (Unique("CUP"), Unique("TEA"), Unique("SET"));
        var shop = await CreateConnectedShopAsync(Seller, cup, tea);
        await CreateGoodsAsync(set);
        await CreateComboAsync(set, (FullWidth(tea), 2));
        var sent = new[] { FullWidth(cup), $"  {tea.ToLowerInvariant()} ", $"\u3000{FullWidth(set.ToLowerInvariant())}" };
        var tid = (await Simulator.AddTradesAsync(PlatformSimulatorHost.Trade(Seller, sent)))[0]!["tid"]!.GetValue<long>();

        await PullAsync(shop);

        var order = (await Client.GetFromJsonAsync<JsonObject>($"/api/shops/{shop}/orders/{tid}", ServerFixture.Json))!;
        var lines = order["lines"]!.AsArray();
        Assert.False(order["hasUnmappedSku"]!.GetValue<bool>());
        Assert.Equal(sent, lines.Select(l => l!["merchantCode"]!.GetValue<string>()));
        Assert.Equal([cup, tea, set], lines.Select(l => l!["matchedMerchantCode"]!.GetValue<string>()));
        Assert.Equal(["Goods", "Goods", "Combo"], lines.Select(l => l!["mapping"]!.GetValue<string>()));
        Assert.Equal((tea, 2), (lines[2]!["items"]![0]!["merchantCode"]!.GetValue<string>(), lines[2]!["items"]![0]!["quantity"]!.GetValue<int>()));

        var orderId = order["id"]!.GetValue<long>();
        await WaitForAsync(orderId, bookmark: "PickConfirmed");
        await FloorOkAsync(orderId, "pick:confirm", new JsonObject { ["by"] = "拣货员A" });
        await FloorOkAsync(orderId, "verify:scan", new JsonObject { ["barcode"] = FullWidth(cup) });
        await FloorOkAsync(orderId, "verify:scan", new JsonObject { ["barcode"] = $" {tea.ToLowerInvariant()}\u3000" });
        var verified = await FloorOkAsync(orderId, "verify:scan", new JsonObject { ["barcode"] = FullWidth(tea.ToLowerInvariant()), ["quantity"] = 2 });

        Assert.Equal("Verified", verified["order"]!["status"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Scanning_every_item_at_once_folds_the_codes_too()
    {
        var tea = Unique("TEA");
        var shop = await CreateReadyShopAsync(tea);
        var orderId = (await PushAsync(shop, PaidOrder(Unique("TB"), (tea, 2)), HttpStatusCode.Created)).Order.Id;
        var instance = InstanceId(await WaitForAsync(orderId, bookmark: "PickConfirmed"));
        await ResumeOkAsync(instance, "PickConfirmed");

        var verified = await ResumeOkAsync(instance, "Scanned", new JsonObject
        {
            ["items"] = new JsonArray(
                new JsonObject { ["merchantCode"] = FullWidth(tea), ["quantity"] = 1 },
                new JsonObject { ["merchantCode"] = $" {tea.ToLowerInvariant()} ", ["quantity"] = 1 }),
        });

        Assert.Equal("Weighed", verified["instance"]!["waitingFor"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task A_goods_or_combo_code_that_folds_onto_an_existing_one_is_a_conflict_naming_the_field()
    {
        var (mug, box) = (Unique("MUG"), Unique("BOX"));
        await CreateGoodsAsync(mug);
        await CreateComboAsync(box, (mug, 1));

        foreach (var twin in new[] { mug.ToLowerInvariant(), FullWidth(mug), $"\u3000{mug} " })
        {
            var goods = await Client.PostAsJsonAsync("/api/goods", new JsonObject { ["merchantCode"] = twin, ["name"] = "重复", ["weightKg"] = 0.1, ["price"] = 1 }, ServerFixture.Json);
            AssertNamesField(await ProblemAsync(goods, HttpStatusCode.Conflict), "merchantCode");
        }

        foreach (var twin in new[] { box.ToLowerInvariant(), FullWidth(box), $" {FullWidth(box.ToLowerInvariant())} " })
        {
            var combo = await Client.PostAsJsonAsync("/api/combos", new JsonObject
            {
                ["code"] = twin,
                ["name"] = "重复套餐",
                ["items"] = new JsonArray(new JsonObject { ["merchantCode"] = mug, ["quantity"] = 1 }),
            }, ServerFixture.Json);
            AssertNamesField(await ProblemAsync(combo, HttpStatusCode.Conflict), "code");
        }
    }

    /// <summary>What a Chinese input method types: every printable ASCII character as its full-width form.</summary>
    private static string FullWidth(string text) =>
        string.Concat(text.Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c));

    private async Task PullAsync(long shop)
    {
        var since = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-10).ToString("O", CultureInfo.InvariantCulture));
        var response = await Client.PostAsync($"/api/shops/{shop}/orders:pull?since={since}", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"pull: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
