using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>The floor's actions on an order: pick, scan item by item (验货), weigh (称重).</summary>
public abstract class FloorApiTests(ServerFixture server) : LifecycleTestBase(server)
{
    [SkippableFact]
    public async Task Scanning_item_by_item_refuses_wrong_items_and_over_scans_and_verifies_when_every_line_matches()
    {
        var (tea, cup, other) = (Unique("TEA"), Unique("CUP"), Unique("BOX"));
        var shop = await CreateReadyShopAsync(tea, cup, other);
        var orderId = (await PushAsync(shop, PaidOrder(Unique("TB"), (tea, 2), (cup, 1)), HttpStatusCode.Created)).Order.Id;
        await WaitForAsync(orderId, bookmark: "PickConfirmed");

        var picked = await FloorOkAsync(orderId, "pick:confirm", new JsonObject { ["by"] = "拣货员A" });
        Assert.Equal(3, picked["waiting"]![0]!["payload"]!["remaining"]!.GetValue<int>());

        AssertNamesField(await ProblemAsync(await PostFloorAsync(orderId, "verify:scan", new JsonObject { ["barcode"] = other }), HttpStatusCode.BadRequest), "barcode");
        var unknown = await ProblemAsync(await PostFloorAsync(orderId, "verify:scan", new JsonObject { ["barcode"] = "0000000000000" }), HttpStatusCode.BadRequest);
        Assert.Contains("No goods has barcode", unknown["errors"]!["barcode"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, (await FloorOkAsync(orderId, "verify:scan", new JsonObject { ["barcode"] = tea }))["waiting"]![0]!["payload"]!["remaining"]!.GetValue<int>());
        var overScan = await ProblemAsync(await PostFloorAsync(orderId, "verify:scan", new JsonObject { ["barcode"] = tea, ["quantity"] = 2 }), HttpStatusCode.BadRequest);
        Assert.Contains("Over-scan", overScan["errors"]!["quantity"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await FloorOkAsync(orderId, "verify:scan", new JsonObject { ["barcode"] = tea.ToLowerInvariant() });
        var verified = await FloorOkAsync(orderId, "verify:scan", new JsonObject { ["barcode"] = cup });

        Assert.Equal("Verified", verified["order"]!["status"]!.GetValue<string>());
        Assert.Equal("Weighed", verified["instance"]!["waitingFor"]!.GetValue<string>());
        AssertNamesField(await ProblemAsync(await PostFloorAsync(orderId, "weigh", new JsonObject()), HttpStatusCode.BadRequest), "weightKg");
        var carrier = verified["order"]!["logisticsCompanyId"]!.GetValue<long>();
        var badTemplate = await Client.PutAsJsonAsync($"/api/logistics-companies/{carrier}/freight-rates",
            new JsonObject { ["rates"] = new JsonArray(new JsonObject { ["province"] = "浙江省", ["firstWeightKg"] = 0, ["firstFee"] = 8, ["additionalFee"] = 2 }) }, ServerFixture.Json);
        AssertNamesField(await ProblemAsync(badTemplate, HttpStatusCode.BadRequest), "rates[0].firstWeightKg");
        var template = await Client.PutAsJsonAsync($"/api/logistics-companies/{carrier}/freight-rates", new JsonObject
        {
            ["rates"] = new JsonArray(
                new JsonObject { ["province"] = "浙江省", ["firstWeightKg"] = 1, ["firstFee"] = 8, ["additionalUnitKg"] = 1, ["additionalFee"] = 2 },
                new JsonObject { ["province"] = "*", ["firstWeightKg"] = 1, ["firstFee"] = 12, ["additionalUnitKg"] = 0.5, ["additionalFee"] = 3 }),
        }, ServerFixture.Json);
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);

        var shipped = await FloorOkAsync(orderId, "weigh", new JsonObject { ["weightKg"] = 1.2 });

        Assert.Equal(("Shipped", "Finished"), (shipped["order"]!["status"]!.GetValue<string>(), shipped["instance"]!["status"]!.GetValue<string>()));
        var order = shipped["order"]!;
        Assert.Equal(10m, order["freightFee"]!.GetValue<decimal>());                 // 首重 8 for 1 kg + 续重 2 for the started second kg
        Assert.Equal(0.9m, order["expectedWeightKg"]!.GetValue<decimal>());          // 2 × 0.3 + 0.3
        Assert.True(order["isWeightOutOfTolerance"]!.GetValue<bool>());              // 1.2 kg is a third over
    }

    [SkippableFact]
    public async Task Each_floor_answer_says_what_reading_the_order_and_its_workflow_back_says()
    {
        // The grain builds these answers from its run instead of reading the order back: they must not differ.
        var (tea, cup) = (Unique("TEA"), Unique("CUP"));
        var shop = await CreateReadyShopAsync(tea, cup);
        var orderId = (await PushAsync(shop, PaidOrder(Unique("TB"), (tea, 2), (cup, 1)), HttpStatusCode.Created)).Order.Id;
        await WaitForAsync(orderId, bookmark: "PickConfirmed");

        foreach (var (action, body) in new (string, JsonObject)[]
        {
            ("pick:confirm", new JsonObject()),
            ("verify:scan", new JsonObject { ["barcode"] = tea, ["quantity"] = 2 }),
            ("verify:scan", new JsonObject { ["barcode"] = cup }),
            ("weigh", new JsonObject { ["weightKg"] = 0.95 }),
        })
        {
            var answer = await FloorOkAsync(orderId, action, body);
            var order = (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}", ServerFixture.Json))!;
            var workflow = (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}/workflow", ServerFixture.Json))!;

            Assert.Equal(Comparable(order), Comparable(answer["order"]!));
            Assert.Equal(Comparable(workflow["instance"]!), Comparable(answer["instance"]!));
            Assert.Equal(Comparable(workflow["bookmarks"]!), Comparable(answer["waiting"]!));
        }
    }

    /// <summary>JSON text with times cut to whole microseconds and numbers by value, as every database stores them.</summary>
    private static string Comparable(JsonNode node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.Select(p => $"{p.Key}:{(p.Value is null ? "null" : Comparable(p.Value))}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(i => i is null ? "null" : Comparable(i))) + "]",
        JsonValue v when v.TryGetValue<decimal>(out var number) => number.ToString("G29", System.Globalization.CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<string>(out var text) && text.Length >= 20 && text[4] == '-' && text[10] == 'T'
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var time)
            => time.UtcTicks / 10 + "µs",
        _ => node.ToJsonString(),
    };

    [SkippableFact]
    public async Task A_picker_sends_an_order_back_to_review_with_a_reason_and_actions_out_of_turn_are_409s()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var orderId = await PushPaidOrderAsync(shop, code);
        await WaitForAsync(orderId, bookmark: "PickConfirmed");

        var early = await ProblemAsync(await PostFloorAsync(orderId, "weigh", new JsonObject { ["weightKg"] = 1 }), HttpStatusCode.Conflict);
        Assert.Equal("PickConfirmed", early["openBookmarks"]![0]!.GetValue<string>());
        AssertNamesField(await ProblemAsync(await PostFloorAsync(orderId, "pick:reject", new JsonObject()), HttpStatusCode.BadRequest), "reason");

        var rejected = await FloorOkAsync(orderId, "pick:reject", new JsonObject { ["reason"] = "货架上找不到", ["by"] = "拣货员A" });

        Assert.Equal("Review", rejected["instance"]!["waitingFor"]!.GetValue<string>());
        Assert.Contains("货架上找不到", rejected["order"]!["blockReason"]!.GetValue<string>(), StringComparison.Ordinal);
        await ProblemAsync(await PostFloorAsync(999_999, "pick:confirm", new JsonObject()), HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task An_order_sent_back_from_picking_and_approved_again_holds_its_stock_once()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var warehouse = await WarehouseOfAsync(shop);
        var before = await StockCountsAsync(warehouse, code);
        var orderId = await PushPaidOrderAsync(shop, code);
        await WaitForAsync(orderId, bookmark: "PickConfirmed");
        Assert.Equal(before.Reserved + 1, (await StockCountsAsync(warehouse, code)).Reserved);

        await FloorOkAsync(orderId, "pick:reject", new JsonObject { ["reason"] = "包装破损", ["by"] = "拣货员A" });
        var approved = await Client.PostAsJsonAsync($"/api/review/orders/{orderId}:approve", new JsonObject { ["reviewer"] = "客服小李" }, ServerFixture.Json);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        await WaitForAsync(orderId, bookmark: "PickConfirmed");

        // Allocated again: what the first allocation reserved went back before the second reserved it anew.
        Assert.Equal(before with { Reserved = before.Reserved + 1 }, await StockCountsAsync(warehouse, code));

        // The same warehouse again: its package kept its waybill, found and reused, not a second number taken.
        var waybills = (await Client.GetFromJsonAsync<JsonArray>($"/api/orders/{orderId}/waybills", ServerFixture.Json))!;
        Assert.Single(waybills);
        Assert.Null(waybills[0]!["cancelRequestedAt"]?.GetValue<string>());
    }

}

public sealed class SqliteFloorApiTests(LifecycleSqliteFixture server) : FloorApiTests(server), IClassFixture<LifecycleSqliteFixture>;

public sealed class PostgreSqlFloorApiTests(LifecyclePostgreSqlFixture server) : FloorApiTests(server), IClassFixture<LifecyclePostgreSqlFixture>;
