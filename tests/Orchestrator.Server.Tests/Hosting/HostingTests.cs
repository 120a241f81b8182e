using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Apis;
using Orchestrator.Server.Apis.Combos;
using Orchestrator.Server.Apis.Goods;
using Orchestrator.Server.Apis.Shops;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Hosting;

/// <summary>What a new user meets on the default set-up: demo data, health, the API reference.</summary>
public sealed class HostingTests(DemoSqliteServerFixture server) : LifecycleTestBase(server), IClassFixture<DemoSqliteServerFixture>
{
    [SkippableFact]
    public async Task Demo_data_gives_two_shops_on_two_platforms_and_a_combo()
    {
        var shops = await Client.GetFromJsonAsync<Page<ShopResponse>>("/api/shops", ServerFixture.Json);
        var combos = await Client.GetFromJsonAsync<Page<ComboResponse>>("/api/combos", ServerFixture.Json);
        var goods = await Client.GetFromJsonAsync<Page<GoodsResponse>>("/api/goods", ServerFixture.Json);

        Assert.Equal(2, shops!.Items.Select(s => s.Platform).Distinct().Count());
        Assert.True(goods!.Total >= 5);
        Assert.Equal(3, Assert.Single(combos!.Items).Items.Count);
    }

    [SkippableFact]
    public async Task Demo_combo_order_maps_to_its_goods()
    {
        var shop = (await Client.GetFromJsonAsync<Page<ShopResponse>>("/api/shops?platform=taobao", ServerFixture.Json))!.Items[0];

        var pushed = await PushAsync(shop.Id, PaidOrder(Unique("tid"), ("SET-TEA-GIFT", 1)), HttpStatusCode.Created);

        Assert.Equal(3, Assert.Single(pushed.Order.Lines).Items.Count);
        Assert.Equal(shop.DefaultWarehouseId, pushed.Order.WarehouseId);
    }

    [SkippableFact]
    public async Task A_demo_order_ships_with_the_freight_its_carriers_template_prices()
    {
        var shop = (await Client.GetFromJsonAsync<Page<ShopResponse>>("/api/shops?platform=taobao", ServerFixture.Json))!.Items[0];
        var pushed = await PushAsync(shop.Id, PaidOrder(Unique("tid"), ("TEA-LJ-250", 1)), HttpStatusCode.Created);

        await ShipThroughFloorAsync(InstanceId(await WaitForAsync(pushed.Order.Id, bookmark: "PickConfirmed")));
        await WaitForAsync(pushed.Order.Id, status: "Finished");

        // 1.25 kg to 浙江省 with the demo's YTO: 4.00 for the first kg and 1.00 for the started second.
        var order = (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{pushed.Order.Id}", ServerFixture.Json))!;
        Assert.Equal("Shipped", order["status"]!.GetValue<string>());
        Assert.Equal(5m, order["freightFee"]!.GetValue<decimal>());
    }

    [SkippableFact]
    public async Task Health_endpoints_report_the_database()
    {
        Assert.Equal("Healthy", await Client.GetStringAsync("/health/live"));
        Assert.Equal("Healthy", await Client.GetStringAsync("/health/ready"));
    }

    [SkippableFact]
    public async Task OpenApi_document_and_reference_ui_are_served()
    {
        var document = await Client.GetStringAsync("/openapi/v1.json");
        var ui = await Client.GetAsync("/scalar/v1");

        Assert.Contains("/api/shops/{shopId}/orders:batch", document, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
    }

    [SkippableFact]
    public async Task Sqlite_runs_in_write_ahead_log_mode()
    {
        var mode = await Server.WithDbAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync());

        Assert.Equal("wal", Assert.Single(mode));
    }

    [SkippableFact]
    public async Task Unknown_api_route_is_a_problem_not_an_empty_page()
    {
        var problem = await ProblemAsync(await Client.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound);

        Assert.Equal(404, problem["status"]!.GetValue<int>());
    }
}
