using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Apis;

/// <summary>What the orders list does with a selection: set the orders aside (批量搁置) and read their labels and pick list to print.</summary>
public abstract class OrderSelectionActionsTests(ServerFixture server) : LifecycleTestBase(server)
{
    [SkippableFact]
    public async Task A_batch_set_aside_answers_per_order_as_the_single_call_would()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var other = await CreateReadyShopAsync();
        await AdjustStockAsync(await WarehouseOfAsync(other), 100, code);
        var first = await PushPaidOrderAsync(shop, code);
        var second = await PushPaidOrderAsync(shop, code);
        var elsewhere = await PushPaidOrderAsync(other, code);
        foreach (var order in new[] { first, second, elsewhere })
        {
            await WaitForAsync(order, bookmark: "PickConfirmed");
        }

        var (_, reviewer) = await SignedInAsAsync("Reviewer", shops: [shop]);
        using var _ = reviewer;
        var response = await reviewer.PostAsJsonAsync("/api/orders:set-aside",
            new JsonObject { ["orderIds"] = new JsonArray(first, elsewhere, 999_999_999, second), ["kind"] = "AddressProblem", ["detail"] = "地址待核实" }, ServerFixture.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var batch = (await response.Content.ReadFromJsonAsync<JsonObject>(ServerFixture.Json))!;
        Assert.Equal((2, 2), (batch["succeeded"]!.GetValue<int>(), batch["failed"]!.GetValue<int>()));
        var results = batch["results"]!.AsArray().Select(r => (r!["orderId"]!.GetValue<long>(), r["status"]!.GetValue<int>())).ToList();
        Assert.Equal([(first, 201), (elsewhere, 403), (999_999_999L, 404), (second, 201)], results);
        Assert.Equal("AddressProblem", batch["results"]![0]!["entry"]!["kind"]!.GetValue<string>());
        foreach (var order in new[] { first, second })
        {
            var history = (await Client.GetFromJsonAsync<JsonArray>($"/api/orders/{order}/exceptions", ServerFixture.Json))!;
            Assert.Equal("地址待核实", history.Single()!["detail"]!.GetValue<string>());
        }

        Assert.Empty((await Client.GetFromJsonAsync<JsonArray>($"/api/orders/{elsewhere}/exceptions", ServerFixture.Json))!);
        var again = (await (await Client.PostAsJsonAsync("/api/orders:set-aside", new JsonObject { ["orderIds"] = new JsonArray(first) }, ServerFixture.Json))
            .Content.ReadFromJsonAsync<JsonObject>(ServerFixture.Json))!["results"]![0]!;
        Assert.Equal(409, again["status"]!.GetValue<int>());

        AssertNamesField(await ProblemAsync(await Client.PostAsJsonAsync("/api/orders:set-aside",
            new JsonObject { ["orderIds"] = new JsonArray(first), ["kind"] = "Shredded" }, ServerFixture.Json), HttpStatusCode.BadRequest), "kind");
        AssertNamesField(await ProblemAsync(await Client.PostAsJsonAsync("/api/orders:set-aside",
            new JsonObject { ["orderIds"] = new JsonArray() }, ServerFixture.Json), HttpStatusCode.BadRequest), "orderIds");
    }

    [SkippableFact]
    public async Task Print_data_has_a_label_per_package_and_the_pick_list_totals_per_goods()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var other = await CreateReadyShopAsync();
        await AdjustStockAsync(await WarehouseOfAsync(other), 100, code);
        var first = await PushAsync(shop, PaidOrder(Unique("TB"), (code, 2)), HttpStatusCode.Created);
        var second = await PushAsync(shop, PaidOrder(Unique("TB"), (code, 1)), HttpStatusCode.Created);
        var elsewhere = await PushPaidOrderAsync(other, code);
        await WaitForAsync(first.Order.Id, bookmark: "PickConfirmed");
        await WaitForAsync(second.Order.Id, bookmark: "PickConfirmed");
        var (_, reviewer) = await SignedInAsAsync("Reviewer", shops: [shop]);
        using var _ = reviewer;

        var response = await reviewer.PostAsJsonAsync("/api/orders:print-data", new JsonObject { ["orderIds"] = new JsonArray(first.Order.Id, second.Order.Id, elsewhere) }, ServerFixture.Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.Content.ReadFromJsonAsync<JsonObject>(ServerFixture.Json))!;

        var labels = data["labels"]!.AsArray();
        Assert.Equal([first.Order.Id, second.Order.Id], labels.Select(l => l!["orderId"]!.GetValue<long>()));
        Assert.Equal(await TrackingNumberAsync(first.Order.Id), labels[0]!["trackingNumber"]!.GetValue<string>());
        var carrier = labels[0]!["carrier"]?.GetValue<string>();
        Assert.False(string.IsNullOrEmpty(carrier));
        Assert.Equal(("王小明", "浙江省 杭州市 西湖区 文三路90号"), (labels[0]!["receiverName"]!.GetValue<string>(), labels[0]!["address"]!.GetValue<string>()));

        var item = Assert.Single(data["pickList"]!.AsArray())!;
        Assert.Equal((code, 3), (item["merchantCode"]!.GetValue<string>(), item["totalQuantity"]!.GetValue<int>()));
        Assert.Equal("测试商品", item["name"]!.GetValue<string>());
        Assert.Equal([2, 1], item["orders"]!.AsArray().Select(o => o!["quantity"]!.GetValue<int>()));
        var refused = Assert.Single(data["notPrinted"]!.AsArray())!;
        Assert.Equal((elsewhere, 403), (refused["orderId"]!.GetValue<long>(), refused["status"]!.GetValue<int>()));

        AssertNamesField(await ProblemAsync(await Client.PostAsJsonAsync("/api/orders:print-data", new JsonObject { ["orderIds"] = new JsonArray(0) }, ServerFixture.Json),
            HttpStatusCode.BadRequest), "orderIds");

        // The label names the carrier that issued the waybill, not the order's current choice: here the order no longer has one.
        await Server.WithDbAsync(db => db.SalesOrders.Where(o => o.Id == first.Order.Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.LogisticsCompanyId, (long?)null)));
        var reprinted = (await (await Client.PostAsJsonAsync("/api/orders:print-data", new JsonObject { ["orderIds"] = new JsonArray(first.Order.Id) }, ServerFixture.Json))
            .Content.ReadFromJsonAsync<JsonObject>(ServerFixture.Json))!["labels"]!.AsArray();
        Assert.Equal(carrier, Assert.Single(reprinted)!["carrier"]?.GetValue<string>());
    }
}

public sealed class SqliteOrderSelectionActionsTests(LifecycleSqliteFixture server) : OrderSelectionActionsTests(server), IClassFixture<LifecycleSqliteFixture>;

public sealed class PostgreSqlOrderSelectionActionsTests(LifecyclePostgreSqlFixture server) : OrderSelectionActionsTests(server), IClassFixture<LifecyclePostgreSqlFixture>;
