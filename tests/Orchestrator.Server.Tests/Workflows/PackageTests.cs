using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>拆单: an order no one warehouse can fill ships from several, one package and one waybill each.</summary>
public sealed class PackageTests(WaybillSimulatorFixture fixture) : LifecycleTestBase(fixture), IClassFixture<WaybillSimulatorFixture>
{
    private WaybillSimulatorHost Simulator => fixture.Simulator;

    [Fact]
    public async Task An_order_split_over_two_warehouses_reserves_in_both_and_ships_two_packages_with_two_numbers()
    {
        var (tea, cup) = (Unique("TEA"), Unique("CUP"));
        var shop = await CreateReadyShopAsync(tea, cup);
        var first = await WarehouseOfAsync(shop);
        var second = await AddSecondWarehouseAsync(shop, allowSplitPackages: true, cup);
        await Simulator.InjectAsync(new JsonObject { ["provider"] = "SF", ["delay"] = 1, ["delaySeconds"] = 3 });
        var orderId = (await PushAsync(shop, PaidOrder(Unique("TB"), (tea, 2), (cup, 1)), HttpStatusCode.Created)).Order.Id;
        var instanceId = InstanceId(await WaitForAsync(orderId, bookmark: "PickConfirmed"));

        var packages = await PackagesAsync(orderId);
        Assert.Equal([(1, first, tea, 2), (2, second, cup, 1)], packages.Select(p => (p["sequence"]!.GetValue<int>(), p["warehouseId"]!.GetValue<long>(),
            Assert.Single(p["lines"]!.AsArray())!["merchantCode"]!.GetValue<string>(), p["lines"]![0]!["quantity"]!.GetValue<int>())));
        Assert.Equal(((100, 2), (5, 1)), (await StockCountsAsync(first, tea), await StockCountsAsync(second, cup)));
        var issued = await Simulator.WaybillsOfAsync(instanceId);
        Assert.Equal(2, issued.Count);
        Assert.Contains(issued, w => w["repeats"]!.GetValue<int>() >= 1);
        Assert.Equal(packages.Select(p => p["trackingNumber"]!.GetValue<string>()).Order(), issued.Select(w => w["trackingNumber"]!.GetValue<string>()).Order());
        Assert.Equal(["文一西路1号", "天河路2号"], issued.OrderBy(w => w["key"]!.GetValue<string>()).Select(w => w["sender"]!["address"]!.GetValue<string>()));
        Assert.Equal(packages[0]["trackingNumber"]!.GetValue<string>(), await TrackingNumberAsync(orderId));

        var ambiguous = await ProblemAsync(await PostFloorAsync(orderId, "pick:confirm", new JsonObject()), HttpStatusCode.BadRequest);
        AssertNamesField(ambiguous, "packageId");
        foreach (var package in packages)
        {
            var id = package["id"]!.GetValue<long>();
            await FloorOkAsync(orderId, "pick:confirm", new JsonObject { ["packageId"] = id });
        }

        await WaitForAsync(orderId, bookmark: "Scanned");
        AssertNamesField(await ProblemAsync(await PostFloorAsync(orderId, "verify:scan", new JsonObject { ["barcode"] = tea }), HttpStatusCode.BadRequest), "packageId");
        var half = await FloorOkAsync(orderId, "verify:scan", new JsonObject { ["packageId"] = packages[0]["id"]!.GetValue<long>(), ["barcode"] = tea, ["quantity"] = 2 });
        Assert.Equal(1, half["waiting"]![0]!["payload"]!["remaining"]!.GetValue<int>());
        await FloorOkAsync(orderId, "verify:scan", new JsonObject { ["packageId"] = packages[1]["id"]!.GetValue<long>(), ["barcode"] = cup });
        await FloorOkAsync(orderId, "weigh", new JsonObject { ["packageId"] = packages[0]["id"]!.GetValue<long>(), ["weightKg"] = 0.7 });
        var shipped = await FloorOkAsync(orderId, "weigh", new JsonObject { ["weightKg"] = 0.4 });

        Assert.Equal(("Shipped", "Finished"), (shipped["order"]!["status"]!.GetValue<string>(), shipped["instance"]!["status"]!.GetValue<string>()));
        Assert.Equal(1.1m, shipped["order"]!["weightKg"]!.GetValue<decimal>());
        Assert.Equal(packages.Select(p => p["trackingNumber"]!.GetValue<string>()),
            shipped["order"]!["packages"]!.AsArray().Select(p => p!["trackingNumber"]!.GetValue<string>()));
        Assert.Equal(((98, 0), (4, 0)), (await StockCountsAsync(first, tea), await StockCountsAsync(second, cup)));
        var confirmed = await Server.WithDbAsync(db => db.ShipmentConfirmations.Where(s => s.OrderId == orderId).Select(s => s.TrackingNumber).ToListAsync());
        Assert.Equal(packages.Select(p => p["trackingNumber"]!.GetValue<string>()).Order(), confirmed.Order());
        Assert.All(await PackagesAsync(orderId), p => Assert.Equal("Shipped", p["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Each_warehouse_waves_its_own_package_of_a_split_order_and_the_order_moves_on_when_both_are_picked()
    {
        var (tea, cup) = (Unique("TEA"), Unique("CUP"));
        var shop = await CreateReadyShopAsync(tea, cup);
        var first = await WarehouseOfAsync(shop);
        var second = await AddSecondWarehouseAsync(shop, allowSplitPackages: true, cup);
        var orderId = (await PushAsync(shop, PaidOrder(Unique("TB"), (tea, 2), (cup, 1)), HttpStatusCode.Created)).Order.Id;
        await WaitForAsync(orderId, bookmark: "PickConfirmed");
        var packages = await PackagesAsync(orderId);

        var waves = new List<JsonObject>();
        foreach (var warehouse in new[] { first, second })
        {
            var response = await Client.PostAsJsonAsync($"/api/warehouses/{warehouse}/pick-lists", new JsonObject { ["shopId"] = shop }, ServerFixture.Json);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"pick-lists: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            waves.Add(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
        }

        Assert.Equal([(tea, 2), (cup, 1)], waves.Select(w => Assert.Single(w["items"]!.AsArray())!).Select(i => (i["merchantCode"]!.GetValue<string>(), i["totalQuantity"]!.GetValue<int>())));
        Assert.Equal(packages.Select(p => p["trackingNumber"]!.GetValue<string>()), waves.Select(w => w["orders"]![0]!["trackingNumber"]!.GetValue<string>()));

        var firstConfirmed = await Client.PostAsync($"/api/pick-lists/{waves[0]["id"]}:confirm", null);
        Assert.Equal("PickConfirmed", JsonNode.Parse(await firstConfirmed.Content.ReadAsStringAsync())!["results"]![0]!["waitingFor"]!.GetValue<string>());
        Assert.Equal(["Picked", "WaybillIssued"], (await PackagesAsync(orderId)).Select(p => p["status"]!.GetValue<string>()));
        var secondConfirmed = await Client.PostAsync($"/api/pick-lists/{waves[1]["id"]}:confirm", null);
        Assert.Equal("Scanned", JsonNode.Parse(await secondConfirmed.Content.ReadAsStringAsync())!["results"]![0]!["waitingFor"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_the_split_flag_an_order_no_warehouse_can_fill_waits_for_stock_as_before()
    {
        var (tea, cup) = (Unique("TEA"), Unique("CUP"));
        var shop = await CreateReadyShopAsync(tea, cup);
        await AddSecondWarehouseAsync(shop, allowSplitPackages: false, cup);

        var orderId = (await PushAsync(shop, PaidOrder(Unique("TB"), (tea, 2), (cup, 1)), HttpStatusCode.Created)).Order.Id;

        await WaitForAsync(orderId, bookmark: "StockAvailable");
        var order = (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}", ServerFixture.Json))!;
        Assert.Equal("OutOfStock", order["exceptionKind"]!.GetValue<string>());
        Assert.Empty(await PackagesAsync(orderId));
    }

    [Fact]
    public async Task The_floor_splits_a_package_at_picking_the_new_packages_get_new_waybills_and_the_old_one_is_cancelled()
    {
        var (tea, cup) = (Unique("TEA"), Unique("CUP"));
        var shop = await CreateReadyShopAsync(tea, cup);
        var orderId = (await PushAsync(shop, PaidOrder(Unique("TB"), (tea, 2), (cup, 1)), HttpStatusCode.Created)).Order.Id;
        var instanceId = InstanceId(await WaitForAsync(orderId, bookmark: "PickConfirmed"));
        var original = Assert.Single(await PackagesAsync(orderId));

        AssertNamesField(await ProblemAsync(await SplitAsync(orderId, Split((tea, 2), (cup, 1))), HttpStatusCode.BadRequest), "packages");
        AssertNamesField(await ProblemAsync(await SplitAsync(orderId, Split((tea, 2)), Split(("NOPE", 1))), HttpStatusCode.BadRequest), "packages[1].lines[0].merchantCode");
        AssertNamesField(await ProblemAsync(await SplitAsync(orderId, Split((tea, 2)), Split((cup, 0))), HttpStatusCode.BadRequest), "packages[1].lines[0].quantity");
        var short1 = await ProblemAsync(await SplitAsync(orderId, Split((tea, 1)), Split((cup, 1))), HttpStatusCode.BadRequest);
        Assert.Contains($"{tea}: the packages hold 1, the warehouse ships 2", short1["errors"]!["packages"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        AssertNamesField(await ProblemAsync(await Client.PostAsJsonAsync($"/api/orders/{orderId}/packages:split",
            new JsonObject { ["warehouseId"] = 999_999, ["packages"] = new JsonArray(Split((tea, 2)), Split((cup, 1))) }, ServerFixture.Json), HttpStatusCode.BadRequest), "warehouseId");

        var response = await SplitAsync(orderId, Split((tea, 1), (cup, 1)), Split((tea, 1)));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"split: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");

        var packages = await PackagesAsync(orderId);
        Assert.Equal(["Cancelled", "WaybillIssued", "WaybillIssued"], packages.Select(p => p["status"]!.GetValue<string>()));
        var (second, third) = (packages[1], packages[2]);
        Assert.Equal([(tea, 1), (cup, 1)], second["lines"]!.AsArray().Select(l => (l!["merchantCode"]!.GetValue<string>(), l["quantity"]!.GetValue<int>())));
        Assert.Equal([(tea, 1)], third["lines"]!.AsArray().Select(l => (l!["merchantCode"]!.GetValue<string>(), l["quantity"]!.GetValue<int>())));
        var atCarrier = await Simulator.WaybillsOfAsync(instanceId);
        Assert.Equal(3, atCarrier.Count);
        Assert.NotNull(atCarrier.Single(w => w["trackingNumber"]!.GetValue<string>() == original["trackingNumber"]!.GetValue<string>())["cancelledAt"]);
        Assert.Equal(second["trackingNumber"]!.GetValue<string>(), await TrackingNumberAsync(orderId));

        var answers = await ShipPackagesThroughFloorAsync(orderId, [second, third]);

        // Every floor answer lists the order's packages as reading them back does, the cancelled one included.
        var shippedPackages = (await PackagesAsync(orderId)).Select(p => (p["id"]!.GetValue<long>(), p["status"]!.GetValue<string>())).ToList();
        Assert.Equal(["Cancelled", "Shipped", "Shipped"], shippedPackages.Select(p => p.Item2));
        Assert.All(answers, a => Assert.Equal(3, a["order"]!["packages"]!.AsArray().Count));
        Assert.Equal(shippedPackages, answers[^1]["order"]!["packages"]!.AsArray().Select(p => (p!["id"]!.GetValue<long>(), p["status"]!.GetValue<string>())));
        await WaitForAsync(orderId, status: "Finished");
        await ProblemAsync(await SplitAsync(orderId, Split((tea, 1), (cup, 1)), Split((tea, 1))), HttpStatusCode.Conflict);
        var confirmed = await Server.WithDbAsync(db => db.ShipmentConfirmations.Where(s => s.OrderId == orderId).Select(s => s.TrackingNumber).ToListAsync());
        Assert.Equal(new[] { second, third }.Select(p => p["trackingNumber"]!.GetValue<string>()).Order(), confirmed.Order());
    }

    private static JsonObject Split(params (string MerchantCode, int Quantity)[] lines) =>
        new() { ["lines"] = new JsonArray([.. lines.Select(l => (JsonNode)new JsonObject { ["merchantCode"] = l.MerchantCode, ["quantity"] = l.Quantity })]) };

    private Task<HttpResponseMessage> SplitAsync(long orderId, params JsonObject[] packages) =>
        Client.PostAsJsonAsync($"/api/orders/{orderId}/packages:split", new JsonObject { ["packages"] = new JsonArray(packages) }, ServerFixture.Json);
}
