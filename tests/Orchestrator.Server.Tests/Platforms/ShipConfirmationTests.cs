using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Platforms;

/// <summary>发货确认 against the platform simulator: orders pulled from it ship once, whatever the platform's hiccups.</summary>
public sealed class ShipConfirmationTests(PlatformSqliteFixture server) : LifecycleTestBase(server), IClassFixture<PlatformSqliteFixture>
{
    private const string OfflineSend = "taobao.logistics.offline.send";

    private PlatformSimulatorHost Simulator => server.Simulator;

    [SkippableFact]
    public async Task A_trade_pulled_from_the_platform_runs_the_lifecycle_and_ships_once_with_its_tracking_number()
    {
        var (orderId, tid) = await PullNewOrderAsync("SIM-E2E");
        var shipmentsBefore = await Simulator.ShipmentCountAsync();

        await ShipThroughFloorAsync(InstanceId(await WaitForAsync(orderId, bookmark: "PickConfirmed")));
        await WaitForAsync(orderId, status: "Finished");

        var order = (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}", ServerFixture.Json))!;
        Assert.Equal("Shipped", order["status"]!.GetValue<string>());
        var shipment = Assert.Single(await Simulator.ShipmentsAsync(tid))!;
        Assert.Equal(order["trackingNumber"]!.GetValue<string>(), shipment["out_sid"]!.GetValue<string>());
        Assert.Equal("SF", shipment["company_code"]!.GetValue<string>());
        Assert.Equal(shipmentsBefore + 1, await Simulator.ShipmentCountAsync());
    }

    [SkippableTheory]
    [InlineData("SIM-HTTP500", "Http500")]
    [InlineData("SIM-TOPERROR", "TopError")]
    public async Task Ship_confirm_failing_three_times_is_retried_inside_the_step_and_ships_once(string shopCode, string kind)
    {
        var (orderId, tid) = await PullNewOrderAsync(shopCode);
        var instance = InstanceId(await WaitForAsync(orderId, bookmark: "PickConfirmed"));
        await Simulator.FailNextAsync(OfflineSend, 3, kind);

        await ShipThroughFloorAsync(instance);

        var done = await WaitForAsync(orderId, status: "Finished");
        Assert.Empty(done["incidents"]!.AsArray());
        Assert.Single(await Simulator.ShipmentsAsync(tid));
    }

    [SkippableFact]
    public async Task Ship_confirm_failing_past_the_retry_budget_faults_with_an_incident_and_retry_sends_it_again()
    {
        var (orderId, tid) = await PullNewOrderAsync("SIM-BUDGET");
        var instance = InstanceId(await WaitForAsync(orderId, bookmark: "PickConfirmed"));
        await Simulator.FailNextAsync(OfflineSend, 5, "Http500");

        await ShipThroughFloorAsync(instance);

        var faulted = await WaitForAsync(orderId, status: "Faulted");
        Assert.Contains(OfflineSend, Assert.Single(faulted["incidents"]!.AsArray())!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await Simulator.ShipmentsAsync(tid));
        var order = (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}", ServerFixture.Json))!;
        Assert.NotEqual("Shipped", order["status"]!.GetValue<string>());

        var retried = await Client.PostAsync($"/api/workflow-instances/{instance}:retry", null);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);

        var done = await WaitForAsync(orderId, status: "Finished");
        Assert.NotNull(Assert.Single(done["incidents"]!.AsArray())!["resolvedAt"]);
        Assert.Single(await Simulator.ShipmentsAsync(tid));
    }

    [SkippableFact]
    public async Task A_trade_shipped_in_two_packages_is_confirmed_as_a_split_shipment_with_each_parcels_lines()
    {
        var (tea, cup) = (Unique("TEA"), Unique("CUP"));
        var shop = await CreateConnectedShopAsync("SIM-SPLIT", tea, cup);
        await AddSecondWarehouseAsync(shop, allowSplitPackages: true, cup);
        var (orderId, tid) = await PullAsync(shop, await Simulator.AddTradeAsync("SIM-SPLIT", tea, cup));
        await WaitForAsync(orderId, bookmark: "PickConfirmed");
        var packages = await PackagesAsync(orderId);
        Assert.Equal(2, packages.Count);

        await ShipPackagesThroughFloorAsync(orderId, packages);

        await WaitForAsync(orderId, status: "Finished");
        var order = (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}", ServerFixture.Json))!;
        var lineIds = order["lines"]!.AsArray().ToDictionary(l => l!["merchantCode"]!.GetValue<string>(), l => l!["platformLineId"]!.GetValue<string>());
        var shipments = (await Simulator.ShipmentsAsync(tid)).Select(s => (s!["out_sid"]!.GetValue<string>(), s["sub_tid"]!.GetValue<string>())).Order().ToList();
        Assert.Equal(
            new[] { (packages[0]["trackingNumber"]!.GetValue<string>(), lineIds[tea]), (packages[1]["trackingNumber"]!.GetValue<string>(), lineIds[cup]) }.Order(),
            shipments);
    }

    [SkippableFact]
    public async Task A_send_the_platform_refuses_as_shipped_already_with_our_tracking_number_is_recorded_as_confirmed()
    {
        var (orderId, tid) = await PullNewOrderAsync("SIM-SAME");
        var instance = InstanceId(await WaitForAsync(orderId, bookmark: "PickConfirmed"));
        var ours = (await TrackingNumberAsync(orderId))!;
        await Simulator.ShipOnPlatformAsync(tid, ours);

        await ShipThroughFloorAsync(instance);

        var done = await WaitForAsync(orderId, status: "Finished");
        Assert.Empty(done["incidents"]!.AsArray());
        var order = (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}", ServerFixture.Json))!;
        Assert.Equal("Shipped", order["status"]!.GetValue<string>());
        Assert.Equal(2, await Simulator.SendsAsync(tid));
        Assert.Equal(ours, Assert.Single(await Simulator.ShipmentsAsync(tid))!["out_sid"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task A_trade_the_platform_shipped_with_another_tracking_number_goes_to_the_exception_queue_not_shipped()
    {
        var (orderId, tid) = await PullNewOrderAsync("SIM-OTHER");
        var instance = InstanceId(await WaitForAsync(orderId, bookmark: "PickConfirmed"));
        var ours = (await TrackingNumberAsync(orderId))!;
        var theirs = "SF" + tid.ToString(CultureInfo.InvariantCulture)[^10..];
        await Simulator.ShipOnPlatformAsync(tid, theirs);

        await ShipThroughFloorAsync(instance);

        await WaitForAsync(orderId, bookmark: "Resolved");
        var order = (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}", ServerFixture.Json))!;
        Assert.Equal("Exception", order["status"]!.GetValue<string>());
        Assert.Equal("PlatformError", order["exceptionKind"]!.GetValue<string>());
        var entries = (await Client.GetFromJsonAsync<JsonObject>("/api/exceptions?kind=PlatformError&pageSize=200", ServerFixture.Json))!["items"]!.AsArray();
        var entry = Assert.Single(entries, e => e!["orderId"]!.GetValue<long>() == orderId)!;
        Assert.Contains(theirs, entry["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(ours, entry["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(theirs, Assert.Single(await Simulator.ShipmentsAsync(tid))!["out_sid"]!.GetValue<string>());
        Assert.Equal(2, await Simulator.SendsAsync(tid));

        // Resolving it asks the platform again; it still holds the other number, so the order stays set aside.
        var resolved = await Client.PostAsJsonAsync($"/api/exceptions/{entry["id"]}:resolve", new JsonObject { ["note"] = "checked" }, ServerFixture.Json);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        await WaitForAsync(orderId, bookmark: "Resolved");
        Assert.Equal("Exception", (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}", ServerFixture.Json))!["status"]!.GetValue<string>());
        Assert.Single((await Client.GetFromJsonAsync<JsonObject>("/api/exceptions?kind=PlatformError&pageSize=200", ServerFixture.Json))!["items"]!.AsArray(),
            e => e!["orderId"]!.GetValue<long>() == orderId);
    }

    [SkippableFact]
    public async Task Pulling_a_shop_without_a_platform_connection_is_refused()
    {
        var shop = await CreateReadyShopAsync();

        var response = await Client.PostAsync($"/api/shops/{shop}/orders:pull?since={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}", null);

        await ProblemAsync(response, HttpStatusCode.Conflict);
    }

    /// <summary>A connected shop (created once per code), a new trade on the platform, and the order intake made of it by a pull.</summary>
    private async Task<(long OrderId, long Tid)> PullNewOrderAsync(string shopCode)
    {
        var code = Unique("TEA");
        var shop = await CreateConnectedShopAsync(shopCode, code);
        return await PullAsync(shop, await Simulator.AddTradeAsync(shopCode, code));
    }

    private async Task<(long OrderId, long Tid)> PullAsync(long shop, long tid)
    {
        var response = await Client.PostAsync($"/api/shops/{shop}/orders:pull?since={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && text.Contains("results", StringComparison.Ordinal), $"pull: {response.StatusCode} {text}");
        var item = JsonNode.Parse(text)!["results"]!.AsArray().SingleOrDefault(i => i!["platformOrderId"]!.GetValue<string>() == tid.ToString(CultureInfo.InvariantCulture));
        Assert.True(item is not null, $"pull did not bring trade {tid}: {text}");
        Assert.Equal("Created", item["outcome"]!.GetValue<string>());
        return (item["orderId"]!.GetValue<long>(), tid);
    }
}
