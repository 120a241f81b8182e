using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Platforms;

/// <summary>
/// The server as its own process against the platform simulator: trades pushed to intake run the whole lifecycle and the
/// platform ends up with the shipments and the synced stock; a shop's pull cursor and schedule survive a restart.
/// </summary>
public sealed class PlatformEndToEndTests : IAsyncLifetime
{
    private const string DemoShopCode = "tb-tea-flagship";
    private const long DemoShopId = 1;
    private const decimal Ratio = 0.5m;

    /// <summary>The stages of workflows/sales-order.json each order must pass, in order.</summary>
    private static readonly string[] Lifecycle = ["import", "review", "stock", "allocate", "waybill", "pick", "verify", "weigh", "confirm"];

    private readonly TempDataFolder _data = new("orchestrator-e2e-");
    private readonly PlatformSimulatorHost _simulator = new();

    public Task InitializeAsync() => _simulator.StartAsync();

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Pushed_trades_run_review_to_ship_confirm_and_the_platform_shows_each_shipment_and_the_new_stock()
    {
        await using var server = await ServerProcess.StartAsync(_data.Path, seedDemo: true, new Dictionary<string, string>
        {
            [$"Platforms__{DemoShopCode}__BaseUrl"] = _simulator.BaseUrl,
            [$"Platforms__{DemoShopCode}__Session"] = DemoShopCode,
            ["StockSync__PollInterval"] = "00:00:00.200",
        });
        using var client = server.CreateClient();
        string[] synced = ["TEA-LJ-250", "SET-TEA-GIFT", "CUP-GLASS-01"];
        await SendOkAsync(client, HttpMethod.Put, $"/api/shops/{DemoShopId}/stock-sync", new JsonObject { ["enabled"] = true, ["ratio"] = Ratio });
        await SendOkAsync(client, HttpMethod.Post, $"/api/shops/{DemoShopId}/stock-sync/items", new JsonObject { ["merchantCodes"] = new JsonArray(synced.Select(c => (JsonNode)c).ToArray()) });
        foreach (var code in synced)
        {
            await _simulator.WaitForStockAsync(DemoShopCode, code, await ExpectedAsync(client, code));
        }

        Assert.Equal(HttpStatusCode.NoContent, (await _simulator.Admin.PutAsJsonAsync("/admin/push-url", new JsonObject { ["url"] = $"{server.BaseAddress}api/shops/{DemoShopId}/orders:batch", ["apiKey"] = await IntegrationKeys.CreateAsync(client, DemoShopId) })).StatusCode);
        long[] tids = [await _simulator.AddTradeAsync(DemoShopCode, "TEA-LJ-250"), await _simulator.AddTradeAsync(DemoShopCode, "SET-TEA-GIFT", "TEA-LJ-250")];

        foreach (var tid in tids)
        {
            var orderId = (await client.GetFromJsonAsync<JsonObject>($"/api/shops/{DemoShopId}/orders/{tid}", ServerFixture.Json))!["id"]!.GetValue<long>();
            await client.WaitForWorkflowAsync(orderId, i => i["instance"]!["waitingFor"]?.GetValue<string>() == "PickConfirmed");
            await ShipThroughFloorAsync(client, orderId);
            var finished = await client.WaitForWorkflowAsync(orderId, i => i["instance"]!["status"]!.GetValue<string>() == "Finished");
            Assert.Equal(Lifecycle, finished["journal"]!.AsArray().Select(j => j!["activityId"]!.GetValue<string>()).Where(Lifecycle.Contains).Distinct());

            var order = (await client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}", ServerFixture.Json))!;
            Assert.Equal("Shipped", order["status"]!.GetValue<string>());
            var shipment = Assert.Single(await _simulator.ShipmentsAsync(tid))!;
            Assert.Equal(order["trackingNumber"]!.GetValue<string>(), shipment["out_sid"]!.GetValue<string>());
        }

        var tea = await AvailableAsync(client, "TEA-LJ-250");
        Assert.Equal(1000 - 3, tea);
        foreach (var code in synced)
        {
            await _simulator.WaitForStockAsync(DemoShopCode, code, await ExpectedAsync(client, code));
        }

        Assert.Equal((int)Math.Floor(tea * Ratio), await _simulator.StockAsync(DemoShopCode, "TEA-LJ-250"));
    }

    [Fact]
    public async Task A_shops_pull_cursor_and_schedule_survive_a_restart_and_the_reminder_pulls_from_the_cursor()
    {
        const string shopCode = "RESTARTPULL";
        var environment = new Dictionary<string, string>
        {
            [$"Platforms__{shopCode}__BaseUrl"] = _simulator.BaseUrl,
            [$"Platforms__{shopCode}__Session"] = shopCode,
        };
        long shop;
        DateTimeOffset cursor;
        await using (var first = await ServerProcess.StartAsync(_data.Path, seedDemo: false, environment))
        {
            using var client = first.CreateClient();
            shop = (await SendOkAsync(client, HttpMethod.Post, "/api/shops", new JsonObject { ["code"] = shopCode, ["name"] = "重启店铺", ["platform"] = "taobao" }))["id"]!.GetValue<long>();
            await SendOkAsync(client, HttpMethod.Put, $"/api/shops/{shop}/pull", new JsonObject { ["intervalMinutes"] = 1, ["cursor"] = DateTimeOffset.UtcNow.AddHours(-1).ToString("O", CultureInfo.InvariantCulture) });
            await _simulator.AddTradeAsync(shopCode, "ANY-CODE");
            var run = await SendOkAsync(client, HttpMethod.Post, $"/api/shops/{shop}/orders:pull-now", null);
            Assert.Equal(1, run["ordersTaken"]!.GetValue<int>());
            cursor = run["state"]!["cursor"]!.GetValue<DateTimeOffset>();
        }

        var searchesBefore = (await _simulator.PullsAsync(shopCode)).Count;
        await using var second = await ServerProcess.StartAsync(_data.Path, seedDemo: false, environment);
        using var restarted = second.CreateClient();
        var state = (await restarted.GetFromJsonAsync<JsonObject>($"/api/shops/{shop}/pull", ServerFixture.Json))!;
        Assert.Equal((1, cursor), (state["intervalMinutes"]!.GetValue<int>(), state["cursor"]!.GetValue<DateTimeOffset>()));

        // Nobody calls pull-now: the reminder re-armed at start ticks within its one-minute period.
        var deadline = DateTime.UtcNow.AddSeconds(150);
        JsonArray searches;
        while ((searches = await _simulator.PullsAsync(shopCode)).Count == searchesBefore)
        {
            Assert.True(DateTime.UtcNow < deadline, "The scheduled pull did not run within 150 s of the restart.");
            await Task.Delay(500);
        }

        Assert.Equal(PlatformSimulatorHost.PlatformTime(cursor), searches[searchesBefore]!["start"]!.GetValue<string>());
    }

    /// <summary>floor(available × ratio) of a synced code as the server computes it from the stock API, not from its own report.</summary>
    private static async Task<int> ExpectedAsync(HttpClient client, string code) => code == "SET-TEA-GIFT"
        ? (int)Math.Floor(Math.Min(await AvailableAsync(client, "TEA-LJ-250"), Math.Min(await AvailableAsync(client, "CUP-GLASS-01") / 2, await AvailableAsync(client, "GIFT-BOX-01"))) * Ratio)
        : (int)Math.Floor(await AvailableAsync(client, code) * Ratio);

    /// <summary>Free stock over both demo warehouses, which are the demo Taobao shop's warehouse strategy.</summary>
    private static async Task<int> AvailableAsync(HttpClient client, string code) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/stock?merchantCode={code}", ServerFixture.Json))!["items"]!.AsArray().Sum(i => i!["available"]!.GetValue<int>());

    /// <summary>打单配货, 验货 item by item from what the order waits to have scanned, 称重 — the floor endpoints, as people on the floor send them.</summary>
    private static async Task ShipThroughFloorAsync(HttpClient client, long orderId)
    {
        var picked = await SendOkAsync(client, HttpMethod.Post, $"/api/orders/{orderId}/pick:confirm", new JsonObject { ["by"] = "拣货员A" });
        var lines = picked["waiting"]!.AsArray().Single(b => b!["name"]!.GetValue<string>() == "Scanned")!["payload"]!["lines"]!.AsArray();
        await SendOkAsync(client, HttpMethod.Post, $"/api/orders/{orderId}/verify:scan", new JsonObject
        {
            ["items"] = new JsonArray(lines.Select(l => (JsonNode)new JsonObject { ["merchantCode"] = l!["merchantCode"]!.GetValue<string>(), ["quantity"] = l["quantity"]!.GetValue<int>() }).ToArray()),
        });
        await SendOkAsync(client, HttpMethod.Post, $"/api/orders/{orderId}/weigh", new JsonObject { ["weightKg"] = 1.25 });
    }

    private static async Task<JsonObject> SendOkAsync(HttpClient client, HttpMethod method, string path, JsonObject? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
