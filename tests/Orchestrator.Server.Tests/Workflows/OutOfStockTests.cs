using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>缺货拦截: orders whose lines cannot be filled wait in the exception queue until stock arrives.</summary>
public abstract class OutOfStockTests(ServerFixture server) : LifecycleTestBase(server)
{
    [SkippableFact]
    public async Task An_order_short_of_stock_waits_with_its_missing_lines_and_a_receipt_moves_it_on()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var warehouse = await WarehouseOfAsync(shop);
        await AdjustStockAsync(warehouse, -99, code);
        var order = PaidOrder(Unique("TB"), (code, 3));
        var orderId = (await PushAsync(shop, order, HttpStatusCode.Created)).Order.Id;

        var waiting = await WaitForAsync(orderId, bookmark: "StockAvailable");
        Assert.Contains($"{code} wants 3, 1 available", waiting["instance"]!["blockedReason"]!.GetValue<string>(), StringComparison.Ordinal);
        var stored = (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}", ServerFixture.Json))!;
        Assert.Equal(("Exception", "OutOfStock"), (stored["status"]!.GetValue<string>(), stored["exceptionKind"]!.GetValue<string>()));

        var receipt = await AdjustStockAsync(warehouse, 10, code);
        Assert.True(receipt["recheckQueued"]!.GetValue<bool>());

        var moved = await WaitForAsync(orderId, bookmark: "PickConfirmed");
        Assert.Equal(["stock:Completed:OutOfStock", "await-stock:Suspended", "await-stock:Completed:Done", "stock:Completed:InStock"],
            Steps(moved).Where(s => s.StartsWith("stock", StringComparison.Ordinal) || s.StartsWith("await-stock", StringComparison.Ordinal)));
        stored = (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}", ServerFixture.Json))!;
        Assert.Equal("None", stored["exceptionKind"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task When_stock_arrives_waiting_orders_are_checked_again_in_pay_time_order()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var warehouse = await WarehouseOfAsync(shop);
        await AdjustStockAsync(warehouse, -100, code);
        var paidLater = PaidOrder(Unique("TB"), (code, 1));
        paidLater["payTime"] = "2026-11-11T00:09:00+08:00";
        var paidFirst = PaidOrder(Unique("TB"), (code, 1));
        paidFirst["payTime"] = "2026-11-11T00:01:00+08:00";
        var later = (await PushAsync(shop, paidLater, HttpStatusCode.Created)).Order.Id;
        var first = (await PushAsync(shop, paidFirst, HttpStatusCode.Created)).Order.Id;
        await WaitForAsync(later, bookmark: "StockAvailable");
        await WaitForAsync(first, bookmark: "StockAvailable");

        await AdjustStockAsync(warehouse, 5, code);

        var firstChecked = RecheckedAt(await WaitForAsync(first, bookmark: "PickConfirmed"));
        var laterChecked = RecheckedAt(await WaitForAsync(later, bookmark: "PickConfirmed"));
        Assert.True(firstChecked < laterChecked, $"the order paid first was re-checked at {firstChecked:O}, after the later one at {laterChecked:O}");
    }

    [SkippableFact]
    public async Task A_shop_that_allows_out_of_stock_lets_the_order_through()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        await AdjustStockAsync(await WarehouseOfAsync(shop), -100, code);
        var strategy = (await Client.GetFromJsonAsync<JsonObject>($"/api/shops/{shop}/warehouse-strategy", ServerFixture.Json))!;
        strategy["allowOutOfStock"] = true;
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsJsonAsync($"/api/shops/{shop}/warehouse-strategy", strategy, ServerFixture.Json)).StatusCode);

        var orderId = await PushPaidOrderAsync(shop, code);

        Assert.Contains("stock:Completed:InStock", Steps(await WaitForAsync(orderId, bookmark: "PickConfirmed")));
    }

    [SkippableFact]
    public async Task A_strategy_change_applies_to_the_next_order_at_once_though_the_shop_is_read_from_memory()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        await AdjustStockAsync(await WarehouseOfAsync(shop), -100, code);
        await WaitForAsync(await PushPaidOrderAsync(shop, code), bookmark: "StockAvailable");

        var strategy = (await Client.GetFromJsonAsync<JsonObject>($"/api/shops/{shop}/warehouse-strategy", ServerFixture.Json))!;
        strategy["allowOutOfStock"] = true;
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsJsonAsync($"/api/shops/{shop}/warehouse-strategy", strategy, ServerFixture.Json)).StatusCode);

        Assert.Contains("stock:Completed:InStock", Steps(await WaitForAsync(await PushPaidOrderAsync(shop, code), bookmark: "PickConfirmed")));
    }

    [SkippableFact]
    public async Task Allocation_takes_the_first_warehouse_of_the_strategy_that_has_every_line()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var main = await WarehouseOfAsync(shop);
        await AdjustStockAsync(main, -100, code);
        var second = await CreateOtherWarehouseAsync();
        await AdjustStockAsync(second, 5, code);
        var strategy = (await Client.GetFromJsonAsync<JsonObject>($"/api/shops/{shop}/warehouse-strategy", ServerFixture.Json))!;
        strategy["warehouses"] = new JsonArray(
            new JsonObject { ["warehouseId"] = main, ["priority"] = 1 },
            new JsonObject { ["warehouseId"] = second, ["priority"] = 2 });
        var put = await Client.PutAsJsonAsync($"/api/shops/{shop}/warehouse-strategy", strategy, ServerFixture.Json);
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());

        var orderId = await PushPaidOrderAsync(shop, code);

        await WaitForAsync(orderId, bookmark: "PickConfirmed");
        Assert.Equal(second, (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}", ServerFixture.Json))!["warehouseId"]!.GetValue<long>());
    }

    [SkippableFact]
    public async Task Stock_adjustments_count_set_and_audit_and_bad_items_are_named()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var warehouse = await WarehouseOfAsync(shop);

        var counted = await Client.PostAsJsonAsync($"/api/warehouses/{warehouse}/stock:adjust", new JsonObject
        {
            ["reason"] = "盘点 stock-take",
            ["reference"] = "PD-20261123",
            ["items"] = new JsonArray(new JsonObject { ["merchantCode"] = code.ToLowerInvariant(), ["onHand"] = 42 }),
        }, ServerFixture.Json);
        Assert.Equal(HttpStatusCode.OK, counted.StatusCode);
        var listed = (await Client.GetFromJsonAsync<JsonObject>($"/api/stock?warehouseId={warehouse}&merchantCode={code}", ServerFixture.Json))!;
        var item = Assert.Single(listed["items"]!.AsArray())!;
        Assert.Equal((42, 0, 42), (item["onHand"]!.GetValue<int>(), item["reserved"]!.GetValue<int>(), item["available"]!.GetValue<int>()));
        var movements = await Server.WithDbAsync(db => db.StockMovements.Where(m => m.WarehouseId == warehouse).OrderBy(m => m.Id).Select(m => new { m.Delta, m.OnHandAfter, m.Reason }).ToListAsync());
        Assert.Equal((-58, 42, "盘点 stock-take"), (movements[^1].Delta, movements[^1].OnHandAfter, movements[^1].Reason));

        var bad = await Client.PostAsJsonAsync($"/api/warehouses/{warehouse}/stock:adjust", new JsonObject
        {
            ["reason"] = "采购入库",
            ["items"] = new JsonArray(
                new JsonObject { ["merchantCode"] = code, ["delta"] = 1 },
                new JsonObject { ["merchantCode"] = "NO-SUCH-GOODS", ["delta"] = 1 },
                new JsonObject { ["merchantCode"] = code, ["delta"] = -500 }),
        }, ServerFixture.Json);
        var problem = await ProblemAsync(bad, HttpStatusCode.BadRequest);
        AssertNamesField(problem, "items[1].merchantCode");
        var both = await Client.PostAsJsonAsync($"/api/warehouses/{warehouse}/stock:adjust", new JsonObject
        {
            ["reason"] = "x",
            ["items"] = new JsonArray(new JsonObject { ["merchantCode"] = code, ["delta"] = 1, ["onHand"] = 3 }),
        }, ServerFixture.Json);
        AssertNamesField(await ProblemAsync(both, HttpStatusCode.BadRequest), "items[0].delta");
        var unchanged = (await Client.GetFromJsonAsync<JsonObject>($"/api/stock?warehouseId={warehouse}&merchantCode={code}", ServerFixture.Json))!;
        Assert.Equal(42, unchanged["items"]![0]!["onHand"]!.GetValue<int>());
        await ProblemAsync(await Client.PostAsJsonAsync("/api/warehouses/999999/stock:adjust", new JsonObject
        {
            ["reason"] = "x",
            ["items"] = new JsonArray(new JsonObject { ["merchantCode"] = code, ["delta"] = 1 }),
        }, ServerFixture.Json), HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task A_transfer_moves_only_free_stock_between_warehouses_and_low_stock_is_listed()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var from = await WarehouseOfAsync(shop);
        var to = await CreateOtherWarehouseAsync();
        var goods = (await Client.GetFromJsonAsync<JsonObject>($"/api/goods?merchantCode={code}", ServerFixture.Json))!["items"]![0]!.AsObject();
        goods["lowStockThreshold"] = 20;
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsJsonAsync($"/api/goods/{goods["id"]}", goods, ServerFixture.Json)).StatusCode);

        var tooMuch = await Client.PostAsJsonAsync("/api/stock:transfer", Transfer(from, to, code, 101), ServerFixture.Json);
        AssertNamesField(await ProblemAsync(tooMuch, HttpStatusCode.BadRequest), "items[0].quantity");
        var moved = await Client.PostAsJsonAsync("/api/stock:transfer", Transfer(from, to, code, 85), ServerFixture.Json);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var stock = (await Client.GetFromJsonAsync<JsonObject>($"/api/stock?merchantCode={code}", ServerFixture.Json))!["items"]!.AsArray();
        Assert.Equal([(from, 15, true), (to, 85, false)],
            stock.Select(s => (s!["warehouseId"]!.GetValue<long>(), s["onHand"]!.GetValue<int>(), s["isLow"]!.GetValue<bool>())).OrderBy(s => s.Item1 == to));
        var low = (await Client.GetFromJsonAsync<JsonObject>($"/api/stock?merchantCode={code}&lowStock=true", ServerFixture.Json))!["items"]!.AsArray();
        Assert.Equal(from, Assert.Single(low)!["warehouseId"]!.GetValue<long>());
        AssertNamesField(await ProblemAsync(await Client.PostAsJsonAsync("/api/stock:transfer", Transfer(from, from, code, 1), ServerFixture.Json),
            HttpStatusCode.BadRequest), "toWarehouseId");
    }

    private static JsonObject Transfer(long from, long to, string code, int quantity) => new()
    {
        ["fromWarehouseId"] = from,
        ["toWarehouseId"] = to,
        ["reason"] = "调拨 transfer",
        ["items"] = new JsonArray(new JsonObject { ["merchantCode"] = code, ["quantity"] = quantity }),
    };

    private static DateTime RecheckedAt(JsonObject detail) =>
        detail["journal"]!.AsArray().Last(j => j!["activityId"]!.GetValue<string>() == "await-stock")!["startedAt"]!.GetValue<DateTime>();
}

public sealed class SqliteOutOfStockTests(LifecycleSqliteFixture server) : OutOfStockTests(server), IClassFixture<LifecycleSqliteFixture>;

public sealed class PostgreSqlOutOfStockTests(LifecyclePostgreSqlFixture server) : OutOfStockTests(server), IClassFixture<LifecyclePostgreSqlFixture>;
