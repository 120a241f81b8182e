using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Faults;

/// <summary>
/// The platform answers 200 with garbage (text, cut-off JSON, an HTML page, wrong types, another service's error): pull,
/// ship confirmation and stock push each record a failure that names the call and quotes the answer, move nothing they
/// should not, and work again once the platform does.
/// </summary>
public sealed class PlatformGarbageTests(GarbagePlatformFixture server) : LifecycleTestBase(server), IClassFixture<GarbagePlatformFixture>
{
    private PlatformSimulatorHost Simulator => server.Simulator;

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var platform in GarbagePlatformFixture.Platforms)
        {
            foreach (var kind in GarbagePlatformFixture.Kinds)
            {
                cases.Add(platform, kind);
            }
        }

        return cases;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task A_pull_answered_with_garbage_fails_readably_keeps_the_cursor_and_the_next_pull_takes_the_orders(string platform, string kind)
    {
        var seller = GarbagePlatformFixture.ShopCode("PULL", platform, kind);
        var code = Unique("PULL");
        var shop = await CreateConnectedShopOnAsync(platform, seller, code);
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        var schedule = await Client.PutAsJsonAsync($"/api/shops/{shop}/pull",
            new JsonObject { ["intervalMinutes"] = 0, ["cursor"] = start.ToString("O", CultureInfo.InvariantCulture) }, ServerFixture.Json);
        Assert.Equal(HttpStatusCode.OK, schedule.StatusCode);
        var tid = await Simulator.AddTradeAsync(seller, code);
        await Simulator.FailNextAsync(platform == "jd" ? "jingdong.pop.order.search" : "taobao.trades.sold.increment.get", 1000, kind);

        var failed = await PullNowAsync(shop);

        Assert.Equal("Failed", failed["outcome"]!.GetValue<string>());
        AssertReadable(failed["state"]!["lastError"]!.GetValue<string>(), platform == "jd" ? "jingdong.pop.order.search" : "taobao.trades.sold.increment.get");
        Assert.Equal(PlatformSimulatorHost.PlatformTime(start), PlatformSimulatorHost.PlatformTime(failed["state"]!["cursor"]!.GetValue<DateTimeOffset>()));
        Assert.Equal(0, await CountOrdersAsync(shop));

        await Simulator.ClearFaultsAsync();
        var retried = await PullNowAsync(shop);

        Assert.Equal(("Succeeded", 1), (retried["outcome"]!.GetValue<string>(), retried["ordersTaken"]!.GetValue<int>()));
        Assert.Null(retried["state"]!["lastError"]);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/shops/{shop}/orders/{tid}")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task A_ship_confirmation_answered_with_garbage_is_an_incident_and_retry_ships_once(string platform, string kind)
    {
        var seller = GarbagePlatformFixture.ShopCode("SHIP", platform, kind);
        var method = platform == "jd" ? "jingdong.pop.order.shipment" : "taobao.logistics.offline.send";
        var code = Unique("SHIP");
        var shop = await CreateConnectedShopOnAsync(platform, seller, code);
        var tid = await Simulator.AddTradeAsync(seller, code);
        var pulled = await Client.PostAsync($"/api/shops/{shop}/orders:pull?since={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}", null);
        Assert.Equal(HttpStatusCode.OK, pulled.StatusCode);
        var orderId = (await Client.GetFromJsonAsync<JsonObject>($"/api/shops/{shop}/orders/{tid}", ServerFixture.Json))!["id"]!.GetValue<long>();
        var instance = InstanceId(await WaitForAsync(orderId, bookmark: "PickConfirmed"));
        await Simulator.FailNextAsync(method, 1000, kind);

        await ShipThroughFloorAsync(instance);

        var faulted = await WaitForAsync(orderId, status: "Faulted");
        AssertReadable(Assert.Single(faulted["incidents"]!.AsArray())!["message"]!.GetValue<string>(), method);
        Assert.Empty(await Simulator.ShipmentsAsync(tid));

        await Simulator.ClearFaultsAsync();
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/workflow-instances/{instance}:retry", null)).StatusCode);

        await WaitForAsync(orderId, status: "Finished");
        Assert.Single(await Simulator.ShipmentsAsync(tid));
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task A_stock_push_answered_with_garbage_is_recorded_on_the_item_and_pushed_again_once_the_platform_recovers(string platform, string kind)
    {
        var seller = GarbagePlatformFixture.ShopCode("SYNC", platform, kind);
        var (method, api) = platform == "jd" ? ("jingdong.stock.write.updateSkuStock", "jd") : ("taobao.item.quantity.update", "top");
        var code = Unique("SYNC");
        var shop = await CreateConnectedShopOnAsync(platform, seller, code);
        await Simulator.FailNextAsync(method, 1000, kind);

        await EnableStockSyncAsync(shop, ratio: 1m, minimum: 0, code);

        var failing = await WaitForItemAsync(shop, code, i => i["failedAttempts"]!.GetValue<int>() >= 1);
        AssertReadable(failing["lastError"]!.GetValue<string>(), method);
        Assert.True(failing["pending"]!.GetValue<bool>());

        await Simulator.ClearFaultsAsync();

        await Simulator.WaitForStockAsync(seller, code, 100, api);
        var recovered = await WaitForItemAsync(shop, code, i => i["lastError"] is null);
        Assert.Equal((100, 0), (recovered["lastPushedQuantity"]!.GetValue<int>(), recovered["failedAttempts"]!.GetValue<int>()));
    }

    /// <summary>The message names the call and says what was wrong with the answer, not a bare parser or dictionary error.</summary>
    private static void AssertReadable(string message, string method)
    {
        Assert.Contains(method, message, StringComparison.Ordinal);
        Assert.True(message.Contains("not valid JSON", StringComparison.Ordinal) || message.Contains("not what the platform documents", StringComparison.Ordinal),
            $"Not a readable failure: {message}");
    }

    private async Task<JsonObject> PullNowAsync(long shop)
    {
        var response = await Client.PostAsync($"/api/shops/{shop}/orders:pull-now", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"pull-now: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<JsonObject> WaitForItemAsync(long shop, string code, Func<JsonObject, bool> reached)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonObject? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = (await Client.GetFromJsonAsync<JsonObject>($"/api/shops/{shop}/stock-sync", ServerFixture.Json))!["items"]!.AsArray()
                .Single(i => i!["merchantCode"]!.GetValue<string>() == code)!.AsObject();
            if (reached(last))
            {
                return last;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Stock sync item {code} of shop {shop} did not get there; last: {last?.ToJsonString()}");
    }
}
