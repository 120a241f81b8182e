using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Platforms;

/// <summary>库存同步 against the platform simulator: what changes our stock reaches the platform's listing, through the outbox.</summary>
public sealed class StockSyncTests(PlatformSqliteFixture server) : LifecycleTestBase(server), IClassFixture<PlatformSqliteFixture>
{
    private PlatformSimulatorHost Simulator => server.Simulator;

    [SkippableFact]
    public async Task Adjusting_stock_pushes_the_new_share_to_the_platform()
    {
        var code = Unique("SYNC");
        var shop = await CreateConnectedShopAsync("SYNC-ADJUST", code);
        await EnableStockSyncAsync(shop, ratio: 0.5m, minimum: 0, code);
        await Simulator.WaitForStockAsync("SYNC-ADJUST", code, 50);

        await AdjustStockAsync(await WarehouseOfAsync(shop), 21, code);

        await Simulator.WaitForStockAsync("SYNC-ADJUST", code, 60);

        // The platform has the quantity before the server records that it pushed it.
        var item = await WaitForItemAsync(shop, code, i => i["lastPushedQuantity"]?.GetValue<int>() == 60);
        Assert.Equal(60, item["lastPushedQuantity"]!.GetValue<int>());
        Assert.Equal(121, item["available"]!.GetValue<int>());
        Assert.Null(item["lastError"]);
    }

    [SkippableFact]
    public async Task A_combo_follows_its_scarcest_component_and_changes_when_a_component_changes()
    {
        var (tea, cup) = (Unique("TEA"), Unique("CUP"));
        var shop = await CreateConnectedShopAsync("SYNC-COMBO", tea, cup);
        var combo = Unique("SET");
        await CreateComboAsync(combo, (tea, 1), (cup, 2));
        await EnableStockSyncAsync(shop, ratio: 1m, minimum: 0, combo);
        await Simulator.WaitForStockAsync("SYNC-COMBO", combo, 50);

        await AdjustStockAsync(await WarehouseOfAsync(shop), -70, tea);

        await Simulator.WaitForStockAsync("SYNC-COMBO", combo, 30);
        Assert.Equal("Combo", (await ItemAsync(shop, combo))["kind"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task A_platform_code_mapped_to_goods_syncs_that_goods_stock_and_follows_its_changes()
    {
        var tea = Unique("TEA");
        var shop = await CreateConnectedShopAsync("SYNC-MAPPED", tea);
        var (goodsId, onHand, _) = await StockAsync(await WarehouseOfAsync(shop), tea);
        var listed = Unique("PLAT");
        var mapped = await Client.PostAsJsonAsync($"/api/merchant-codes/{listed}:map", new JsonObject { ["goodsId"] = goodsId }, ServerFixture.Json);
        Assert.True(mapped.StatusCode == HttpStatusCode.OK, await mapped.Content.ReadAsStringAsync());

        await EnableStockSyncAsync(shop, ratio: 1m, minimum: 0, listed);

        await Simulator.WaitForStockAsync("SYNC-MAPPED", listed, onHand);
        Assert.Equal("Goods", (await ItemAsync(shop, listed))["kind"]!.GetValue<string>());
        await AdjustStockAsync(await WarehouseOfAsync(shop), 7, tea);
        await Simulator.WaitForStockAsync("SYNC-MAPPED", listed, onHand + 7);
    }

    [SkippableFact]
    public async Task Only_goods_added_to_sync_reach_the_platform()
    {
        var (synced, other) = (Unique("IN"), Unique("OUT"));
        var shop = await CreateConnectedShopAsync("SYNC-ONLY", synced, other);
        await EnableStockSyncAsync(shop, ratio: 1m, minimum: 0, synced);
        await Simulator.WaitForStockAsync("SYNC-ONLY", synced, 100);

        await AdjustStockAsync(await WarehouseOfAsync(shop), 5, other, synced);

        await Simulator.WaitForStockAsync("SYNC-ONLY", synced, 105);
        Assert.Null(await Simulator.StockAsync("SYNC-ONLY", other));
    }

    [SkippableFact]
    public async Task Unchanged_quantities_are_not_sent_again()
    {
        var code = Unique("SAME");
        var shop = await CreateConnectedShopAsync("SYNC-SAME", code);
        await EnableStockSyncAsync(shop, ratio: 0.1m, minimum: 0, code);
        await Simulator.WaitForStockAsync("SYNC-SAME", code, 10);
        var warehouse = await WarehouseOfAsync(shop);

        await AdjustStockAsync(warehouse, 3, code);
        await Task.Delay(600); // several worker rounds: the change is drained and found to leave the share at 10
        await AdjustStockAsync(warehouse, 10, code);

        await Simulator.WaitForStockAsync("SYNC-SAME", code, 11);
        Assert.Equal([10, 11], await Simulator.StockUpdatesAsync("SYNC-SAME", code));
    }

    [SkippableFact]
    public async Task A_failing_platform_is_recorded_and_the_latest_quantity_is_pushed_once_it_recovers()
    {
        const string method = "taobao.item.quantity.update";
        var code = Unique("FAULT");
        var shop = await CreateConnectedShopAsync("SYNC-FAULT", code);
        await EnableStockSyncAsync(shop, ratio: 1m, minimum: 0, code);
        await Simulator.WaitForStockAsync("SYNC-FAULT", code, 100);
        await Simulator.FailNextAsync(method, 1000, "Http500");
        var warehouse = await WarehouseOfAsync(shop);

        await AdjustStockAsync(warehouse, -10, code);
        var failing = await WaitForItemAsync(shop, code, i => i["failedAttempts"]!.GetValue<int>() >= 2);
        Assert.Contains(method, failing["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(failing["pending"]!.GetValue<bool>());
        Assert.Equal(100, failing["lastPushedQuantity"]!.GetValue<int>());
        await AdjustStockAsync(warehouse, -5, code);

        // Two more failed attempts: the second began after the change, so what the platform gets next is 85, never 90.
        var failedSoFar = (await WaitForItemAsync(shop, code, _ => true))["failedAttempts"]!.GetValue<int>();
        await WaitForItemAsync(shop, code, i => i["failedAttempts"]!.GetValue<int>() >= failedSoFar + 2);
        await Simulator.ClearFaultsAsync();

        await Simulator.WaitForStockAsync("SYNC-FAULT", code, 85);
        var recovered = await WaitForItemAsync(shop, code, i => i["lastError"] is null);
        Assert.Equal((85, 0, false), (recovered["lastPushedQuantity"]!.GetValue<int>(), recovered["failedAttempts"]!.GetValue<int>(), recovered["pending"]!.GetValue<bool>()));
        Assert.Equal([100, 85], await Simulator.StockUpdatesAsync("SYNC-FAULT", code));
    }

    [SkippableFact]
    public async Task A_manual_run_pushes_every_synced_item_again_and_puts_a_drifted_listing_back()
    {
        var (tea, cup) = (Unique("RUN"), Unique("RUN"));
        var shop = await CreateConnectedShopAsync("SYNC-RUN", tea, cup);
        await EnableStockSyncAsync(shop, ratio: 0.8m, minimum: 0, tea, cup);
        await Simulator.WaitForStockAsync("SYNC-RUN", tea, 80);
        await Simulator.WaitForStockAsync("SYNC-RUN", cup, 80);
        await Simulator.SetListingAsync("SYNC-RUN", tea, 3);

        var response = await Client.PostAsync($"/api/shops/{shop}/stock-sync:run", null);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal(80, await Simulator.StockAsync("SYNC-RUN", tea));
        Assert.Equal([80, 80], await Simulator.StockUpdatesAsync("SYNC-RUN", cup));
    }

    [SkippableFact]
    public async Task Allocating_cancelling_and_transferring_out_of_the_shops_warehouses_each_move_the_platform()
    {
        var code = Unique("MOVE");
        var shop = await CreateConnectedShopAsync("SYNC-MOVE", code);
        await EnableStockSyncAsync(shop, ratio: 1m, minimum: 0, code);
        await Simulator.WaitForStockAsync("SYNC-MOVE", code, 100);

        var order = await PushPaidOrderAsync(shop, code);
        var instance = InstanceId(await WaitForAsync(order, bookmark: "PickConfirmed"));
        await Simulator.WaitForStockAsync("SYNC-MOVE", code, 99);

        Assert.True((await Client.PostAsJsonAsync($"/api/workflow-instances/{instance}:cancel", new JsonObject { ["reason"] = "买家取消" }, ServerFixture.Json)).IsSuccessStatusCode);
        await Simulator.WaitForStockAsync("SYNC-MOVE", code, 100);

        var elsewhere = await PostCreatedAsync("/api/warehouses", new JsonObject { ["code"] = Unique("WH"), ["name"] = "外仓", ["province"] = "广东省", ["city"] = "广州市", ["address"] = "1号" });
        var moved = await Client.PostAsJsonAsync("/api/stock:transfer", new JsonObject
        {
            ["fromWarehouseId"] = await WarehouseOfAsync(shop),
            ["toWarehouseId"] = elsewhere,
            ["reason"] = "调拨",
            ["items"] = new JsonArray(new JsonObject { ["merchantCode"] = code, ["quantity"] = 40 }),
        }, ServerFixture.Json);
        Assert.True(moved.StatusCode == HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        await Simulator.WaitForStockAsync("SYNC-MOVE", code, 60);
    }

    [SkippableFact]
    public async Task A_JD_shop_is_synced_through_JDs_stock_API()
    {
        var code = Unique("JDSYNC");
        var shop = await CreateConnectedShopOnAsync("jd", "SYNC-JD", code);
        await EnableStockSyncAsync(shop, ratio: 0.3m, minimum: 0, code);
        await Simulator.WaitForStockAsync("SYNC-JD", code, 30, api: "jd");

        await AdjustStockAsync(await WarehouseOfAsync(shop), -90, code);

        await Simulator.WaitForStockAsync("SYNC-JD", code, 3, api: "jd");
        Assert.Null(await Simulator.StockAsync("SYNC-JD", code, api: "top"));
    }

    [SkippableFact]
    public async Task Settings_and_items_are_validated_naming_the_field()
    {
        var shop = await CreateReadyShopAsync();

        var ratio = await Client.PutAsJsonAsync($"/api/shops/{shop}/stock-sync", new JsonObject { ["enabled"] = true, ["ratio"] = 1.5 }, ServerFixture.Json);
        AssertNamesField(await ProblemAsync(ratio, HttpStatusCode.BadRequest), "ratio");

        var unknown = await Client.PostAsJsonAsync($"/api/shops/{shop}/stock-sync/items", new JsonObject { ["merchantCodes"] = new JsonArray("NO-SUCH-CODE") }, ServerFixture.Json);
        AssertNamesField(await ProblemAsync(unknown, HttpStatusCode.BadRequest), "merchantCodes[0]");

        var off = await Client.PostAsync($"/api/shops/{shop}/stock-sync:run", null);
        await ProblemAsync(off, HttpStatusCode.Conflict);
    }

    [SkippableFact]
    public async Task A_code_taken_off_sync_is_no_longer_listed()
    {
        var code = Unique("DEL");
        var shop = await CreateReadyShopAsync(code);
        await EnableStockSyncAsync(shop, ratio: 1m, minimum: 0, code);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/shops/{shop}/stock-sync/items/{code}")).StatusCode);

        var report = (await Client.GetFromJsonAsync<JsonObject>($"/api/shops/{shop}/stock-sync", ServerFixture.Json))!;
        Assert.Empty(report["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.DeleteAsync($"/api/shops/{shop}/stock-sync/items/{code}")).StatusCode);
    }

    private async Task<JsonObject> ItemAsync(long shop, string code) =>
        (await Client.GetFromJsonAsync<JsonObject>($"/api/shops/{shop}/stock-sync", ServerFixture.Json))!["items"]!.AsArray()
            .Single(i => i!["merchantCode"]!.GetValue<string>() == code)!.AsObject();

    private async Task<JsonObject> WaitForItemAsync(long shop, string code, Func<JsonObject, bool> reached)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonObject? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await ItemAsync(shop, code);
            if (reached(last))
            {
                return last;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Stock sync item {code} did not get there; last: {last?.ToJsonString()}");
    }
}
