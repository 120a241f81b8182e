using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Platforms;

/// <summary>The scheduled pull cycle through each shop's grain: the cursor moves only after intake, a failure is recorded and retried from it.</summary>
public sealed class ScheduledPullTests(PlatformSqliteFixture server) : LifecycleTestBase(server), IClassFixture<PlatformSqliteFixture>
{
    private const string OrderSearch = "taobao.trades.sold.increment.get";

    private PlatformSimulatorHost Simulator => server.Simulator;

    [SkippableFact]
    public async Task A_cycle_pulls_from_the_cursor_takes_the_orders_in_and_moves_the_cursor_to_its_end_less_the_overlap()
    {
        var code = Unique("PULL");
        var shop = await CreateConnectedShopAsync("PULL-NOW", code);
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        await ScheduleAsync(shop, 5, start);
        var tid = await Simulator.AddTradeAsync("PULL-NOW", code);

        var run = await PullNowAsync(shop);

        Assert.Equal(("Succeeded", 1), (run["outcome"]!.GetValue<string>(), run["ordersTaken"]!.GetValue<int>()));
        Assert.Equal(PlatformSimulatorHost.PlatformTime(start), (await Simulator.PullsAsync("PULL-NOW"))[^1]!["start"]!.GetValue<string>());
        var order = await Client.GetAsync($"/api/shops/{shop}/orders/{tid}");
        Assert.Equal(HttpStatusCode.OK, order.StatusCode);
        var state = (await Client.GetFromJsonAsync<JsonObject>($"/api/shops/{shop}/pull", ServerFixture.Json))!;
        var until = run["until"]!.GetValue<DateTimeOffset>();
        var cursor = state["cursor"]!.GetValue<DateTimeOffset>();
        Assert.Equal(PlatformSimulatorHost.PlatformTime(until.AddMinutes(-1)), PlatformSimulatorHost.PlatformTime(cursor));
        Assert.Equal((5, 1, 1L), (state["intervalMinutes"]!.GetValue<int>(), state["lastOrdersTaken"]!.GetValue<int>(), state["totalOrdersTaken"]!.GetValue<long>()));
        Assert.Null(state["lastError"]);

        var again = await PullNowAsync(shop);

        Assert.Equal(PlatformSimulatorHost.PlatformTime(cursor), (await Simulator.PullsAsync("PULL-NOW"))[^1]!["start"]!.GetValue<string>());
        Assert.Equal(1, again["ordersTaken"]!.GetValue<int>());
        Assert.Equal(1, await CountOrdersAsync(shop));
    }

    [SkippableFact]
    public async Task A_failed_pull_is_recorded_keeps_the_cursor_and_the_next_cycle_retries_from_it()
    {
        var code = Unique("PULLF");
        var shop = await CreateConnectedShopAsync("PULL-FAIL", code);
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        await ScheduleAsync(shop, 0, start);
        await Simulator.AddTradeAsync("PULL-FAIL", code);
        await Simulator.FailNextAsync(OrderSearch, 4, "Http500");

        var failed = await PullNowAsync(shop);

        Assert.Equal("Failed", failed["outcome"]!.GetValue<string>());
        var state = failed["state"]!;
        Assert.Contains(OrderSearch, state["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, state["consecutiveFailures"]!.GetValue<int>());
        Assert.Equal(PlatformSimulatorHost.PlatformTime(start), PlatformSimulatorHost.PlatformTime(state["cursor"]!.GetValue<DateTimeOffset>()));
        Assert.Equal(0, await CountOrdersAsync(shop));

        var retried = await PullNowAsync(shop);

        Assert.Equal(("Succeeded", 1), (retried["outcome"]!.GetValue<string>(), retried["ordersTaken"]!.GetValue<int>()));
        // The four failed calls were answered 500 before the router read them; the one it served started at the kept cursor.
        var search = Assert.Single(await Simulator.PullsAsync("PULL-FAIL"))!;
        Assert.Equal(PlatformSimulatorHost.PlatformTime(start), search["start"]!.GetValue<string>());
        Assert.Null(retried["state"]!["lastError"]);
        Assert.Equal(0, retried["state"]!["consecutiveFailures"]!.GetValue<int>());
        Assert.Equal(1, await CountOrdersAsync(shop));
    }

    [SkippableFact]
    public async Task A_JD_shop_is_pulled_through_JDs_order_search_and_ships_through_JDs_shipment_API()
    {
        var code = Unique("JDPULL");
        var shop = await CreateConnectedShopOnAsync("jd", "PULL-JD", code);
        await ScheduleAsync(shop, 0, DateTimeOffset.UtcNow.AddMinutes(-10));
        var orderId = await Simulator.AddTradeAsync("PULL-JD", code);

        var run = await PullNowAsync(shop);

        Assert.Equal(1, run["ordersTaken"]!.GetValue<int>());
        Assert.Single(await Simulator.PullsAsync("PULL-JD", api: "jd"));
        Assert.Empty(await Simulator.PullsAsync("PULL-JD", api: "top"));
        var order = (await Client.GetFromJsonAsync<JsonObject>($"/api/shops/{shop}/orders/{orderId}", ServerFixture.Json))!;
        Assert.Equal(code, order["lines"]![0]!["merchantCode"]!.GetValue<string>());

        await ShipThroughFloorAsync(InstanceId(await WaitForAsync(order["id"]!.GetValue<long>(), bookmark: "PickConfirmed")));
        await WaitForAsync(order["id"]!.GetValue<long>(), status: "Finished");

        var shipped = (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{order["id"]}", ServerFixture.Json))!;
        var shipment = Assert.Single(await Simulator.ShipmentsAsync(orderId))!;
        Assert.Equal((shipped["trackingNumber"]!.GetValue<string>(), "SF"), (shipment["out_sid"]!.GetValue<string>(), shipment["company_code"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task A_schedule_is_validated_and_an_unconnected_shop_cannot_pull()
    {
        var shop = await CreateReadyShopAsync();

        var invalid = await Client.PutAsJsonAsync($"/api/shops/{shop}/pull", new JsonObject { ["intervalMinutes"] = -1 }, ServerFixture.Json);
        AssertNamesField(await ProblemAsync(invalid, HttpStatusCode.BadRequest), "intervalMinutes");

        await ProblemAsync(await Client.PostAsync($"/api/shops/{shop}/orders:pull-now", null), HttpStatusCode.Conflict);
        await ProblemAsync(await Client.GetAsync("/api/shops/999999/pull"), HttpStatusCode.NotFound);
    }

    private async Task ScheduleAsync(long shop, int minutes, DateTimeOffset cursor)
    {
        var response = await Client.PutAsJsonAsync($"/api/shops/{shop}/pull",
            new JsonObject { ["intervalMinutes"] = minutes, ["cursor"] = cursor.ToString("O", CultureInfo.InvariantCulture) }, ServerFixture.Json);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonObject> PullNowAsync(long shop)
    {
        var response = await Client.PostAsync($"/api/shops/{shop}/orders:pull-now", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"pull-now: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
