using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>Pick waves (波次配货): made from the orders waiting at picking, printed for the picker, confirmed together; labels print per waybill.</summary>
public sealed class PickListTests(LifecycleSqliteFixture fixture) : LifecycleTestBase(fixture), IClassFixture<LifecycleSqliteFixture>
{
    private const string ScriptName = "<script>alert(1)</script>王";

    [Fact]
    public async Task A_wave_adds_up_the_goods_of_its_orders_and_an_order_is_in_one_open_wave_only()
    {
        var (shop, warehouse, late, early, tea, cup) = await TwoOrdersAtPickingAsync();

        var wave = await CreateWaveAsync(warehouse, new JsonObject { ["shopId"] = shop });

        Assert.Equal("Open", wave["status"]!.GetValue<string>());
        Assert.Equal([early, late], wave["orders"]!.AsArray().Select(o => o!["orderId"]!.GetValue<long>()));
        var items = wave["items"]!.AsArray();
        Assert.Equal([cup, tea], items.Select(i => i!["merchantCode"]!.GetValue<string>()));
        var teaItem = items.Single(i => i!["merchantCode"]!.GetValue<string>() == tea)!;
        Assert.Equal(3, teaItem["totalQuantity"]!.GetValue<int>());
        Assert.Equal([(late, 2), (early, 1)], teaItem["orders"]!.AsArray().Select(o => (o!["orderId"]!.GetValue<long>(), o["quantity"]!.GetValue<int>())).OrderByDescending(o => o.Item2));
        Assert.Equal(4, wave["totalQuantity"]!.GetValue<int>());
        Assert.Equal(wave.ToJsonString(), (await Client.GetFromJsonAsync<JsonObject>($"/api/pick-lists/{wave["id"]}", ServerFixture.Json))!.ToJsonString());

        var again = await ProblemAsync(await PostWaveAsync(warehouse, new JsonObject { ["shopId"] = shop }), HttpStatusCode.Conflict);
        Assert.Equal("Nothing to pick", again["title"]!.GetValue<string>());
        var stored = await Server.WithDbAsync(db => Task.FromResult(db.PickLists.SelectMany(p => p.Orders).Count(o => o.OpenOrderId == late)));
        Assert.Equal(1, stored);

        // The database itself refuses a second open wave holding the order, whatever a racing request computed.
        await Assert.ThrowsAsync<DbUpdateException>(() => Server.WithDbAsync(db =>
        {
            db.PickLists.Add(new PickList
            {
                WarehouseId = warehouse,
                CreatedAt = DateTime.UtcNow,
                Orders = [new PickListOrder { OrderId = late, WarehouseId = warehouse, OpenOrderId = late, Position = 1 }],
            });
            return db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task Making_a_wave_names_the_field_that_is_wrong()
    {
        var (_, warehouse, _, _, _, _) = await TwoOrdersAtPickingAsync();

        AssertNamesField(await ProblemAsync(await PostWaveAsync(warehouse, new JsonObject { ["maxOrders"] = 0 }), HttpStatusCode.BadRequest), "maxOrders");
        AssertNamesField(await ProblemAsync(await PostWaveAsync(warehouse, new JsonObject { ["shopId"] = 999_999 }), HttpStatusCode.BadRequest), "shopId");
        AssertNamesField(await ProblemAsync(await PostWaveAsync(warehouse, new JsonObject { ["logisticsCompanyId"] = 999_999 }), HttpStatusCode.BadRequest), "logisticsCompanyId");
        await ProblemAsync(await PostWaveAsync(999_999, new JsonObject()), HttpStatusCode.NotFound);
        await ProblemAsync(await Client.GetAsync("/api/pick-lists/999999"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_printed_pick_list_is_an_a4_page_with_the_tracking_numbers_and_encodes_what_buyers_typed()
    {
        var (shop, warehouse, late, early, _, _) = await TwoOrdersAtPickingAsync();
        var wave = await CreateWaveAsync(warehouse, new JsonObject { ["shopId"] = shop, ["maxOrders"] = 5 });

        var response = await Client.GetAsync($"/api/pick-lists/{wave["id"]}/print");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("@page { size: A4", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("page-break", html, StringComparison.Ordinal);
        foreach (var order in wave["orders"]!.AsArray())
        {
            Assert.Contains(order!["trackingNumber"]!.GetValue<string>(), html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;王", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<nav", html, StringComparison.Ordinal);
        Assert.NotEqual(late, early);
    }

    [Fact]
    public async Task Confirming_a_wave_moves_its_orders_to_verification_and_lists_an_order_already_picked_as_a_409()
    {
        var (shop, warehouse, late, early, _, _) = await TwoOrdersAtPickingAsync();
        var wave = await CreateWaveAsync(warehouse, new JsonObject { ["shopId"] = shop });
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsJsonAsync($"/api/orders/{early}/pick:confirm", new JsonObject(), ServerFixture.Json)).StatusCode);

        var confirmed = await Client.PostAsJsonAsync($"/api/pick-lists/{wave["id"]}:confirm", new JsonObject { ["by"] = "拣货员A" }, ServerFixture.Json);
        var body = JsonNode.Parse(await confirmed.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var results = body["results"]!.AsArray().ToDictionary(r => r!["orderId"]!.GetValue<long>(), r => r!);
        Assert.Equal((200, "Scanned"), (results[late]["status"]!.GetValue<int>(), results[late]["waitingFor"]!.GetValue<string>()));
        Assert.Equal(409, results[early]["status"]!.GetValue<int>());
        Assert.Equal("Confirmed", body["pickList"]!["status"]!.GetValue<string>());
        await WaitForAsync(late, bookmark: "Scanned");
        await WaitForAsync(early, bookmark: "Scanned");
        await ProblemAsync(await Client.PostAsync($"/api/pick-lists/{wave["id"]}:confirm", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Waybill_labels_print_at_100_by_150_mm_with_a_barcode_sender_and_encoded_receiver()
    {
        var (_, _, late, _, tea, _) = await TwoOrdersAtPickingAsync();
        var tracking = (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{late}", ServerFixture.Json))!["trackingNumber"]!.GetValue<string>();

        var response = await Client.GetAsync($"/api/orders/{late}/waybill-labels");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("@page { size: 100mm 150mm", html, StringComparison.Ordinal);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(html, "<section class=\"label\">"));
        Assert.Contains($"<div class=\"number\">{tracking}</div>", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"barcode\"", html, StringComparison.Ordinal);
        Assert.Contains("王仓管 13800000001", html, StringComparison.Ordinal);
        Assert.Contains("139****5678", html, StringComparison.Ordinal);
        Assert.Contains($"{tea} × 2", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        await ProblemAsync(await Client.GetAsync("/api/orders/999999/waybill-labels"), HttpStatusCode.NotFound);
    }

    /// <summary>Two orders of one shop at picking: the later-paid one (2 tea, 1 cup, receiver typed markup) and an earlier-paid one (1 tea).</summary>
    private async Task<(long Shop, long Warehouse, long Late, long Early, string Tea, string Cup)> TwoOrdersAtPickingAsync()
    {
        var (tea, cup) = (Unique("TEA"), Unique("CUP"));
        var shop = await CreateReadyShopAsync(tea, cup);
        var lateOrder = PaidOrder(Unique("TB"), (tea, 2), (cup, 1));
        lateOrder["receiver"]!["name"] = ScriptName;
        var late = (await PushAsync(shop, lateOrder, HttpStatusCode.Created)).Order.Id;
        var earlyOrder = PaidOrder(Unique("TB"), (tea, 1));
        earlyOrder["payTime"] = "2026-11-10T08:00:00+08:00";
        earlyOrder["modified"] = "2026-11-10T08:00:00+08:00";
        var early = (await PushAsync(shop, earlyOrder, HttpStatusCode.Created)).Order.Id;
        await WaitForAsync(late, bookmark: "PickConfirmed");
        await WaitForAsync(early, bookmark: "PickConfirmed");
        return (shop, await WarehouseOfAsync(shop), late, early, tea, cup);
    }

    private Task<HttpResponseMessage> PostWaveAsync(long warehouseId, JsonObject body) =>
        Client.PostAsJsonAsync($"/api/warehouses/{warehouseId}/pick-lists", body, ServerFixture.Json);

    private async Task<JsonObject> CreateWaveAsync(long warehouseId, JsonObject body)
    {
        var response = await PostWaveAsync(warehouseId, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"pick-lists: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
