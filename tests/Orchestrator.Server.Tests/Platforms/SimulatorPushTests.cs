using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Platforms;

/// <summary>
/// The server as its own process and the simulator over loopback HTTP: the simulator pushes a new trade to the server's intake,
/// the order runs the lifecycle, and ship confirmation lands on the simulator once.
/// </summary>
public sealed class SimulatorPushTests : IAsyncLifetime
{
    private const string DemoShopCode = "tb-tea-flagship";
    private const long DemoShopId = 1;

    private readonly TempDataFolder _data = new("orchestrator-platform-");
    private readonly PlatformSimulatorHost _simulator = new();

    public Task InitializeAsync() => _simulator.StartAsync();

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task A_trade_the_platform_pushes_to_intake_ships_once_with_its_tracking_number()
    {
        await using var server = await ServerProcess.StartAsync(_data.Path, seedDemo: true, new Dictionary<string, string>
        {
            [$"Platforms__{DemoShopCode}__BaseUrl"] = _simulator.BaseUrl,
        });
        using var client = server.CreateClient();
        var pushUrl = await _simulator.Admin.PutAsJsonAsync("/admin/push-url", new JsonObject { ["url"] = $"{server.BaseAddress}api/shops/{DemoShopId}/orders:batch", ["apiKey"] = await IntegrationKeys.CreateAsync(client, DemoShopId) });
        Assert.Equal(HttpStatusCode.NoContent, pushUrl.StatusCode);

        var tid = (await _simulator.AddTradeAsync(DemoShopCode, "TEA-LJ-250")).ToString(CultureInfo.InvariantCulture);

        var order = (await client.GetFromJsonAsync<JsonObject>($"/api/shops/{DemoShopId}/orders/{tid}", ServerFixture.Json))!;
        var instance = await WaitForAsync(client, order["id"]!.GetValue<long>(), i => i["waitingFor"]?.GetValue<string>() == "PickConfirmed");
        foreach (var (bookmark, payload) in new[] { ("PickConfirmed", new JsonObject()), ("Scanned", new JsonObject { ["barcode"] = "6901234500011" }), ("Weighed", new JsonObject { ["weightKg"] = 0.8 }) })
        {
            var resumed = await client.PostAsJsonAsync($"/api/workflow-instances/{instance}/bookmarks/{bookmark}:resume", payload, ServerFixture.Json);
            Assert.True(resumed.StatusCode == HttpStatusCode.OK, $"{bookmark}: {resumed.StatusCode} {await resumed.Content.ReadAsStringAsync()}");
        }

        await WaitForAsync(client, order["id"]!.GetValue<long>(), i => i["status"]!.GetValue<string>() == "Finished");
        var shipped = (await client.GetFromJsonAsync<JsonObject>($"/api/shops/{DemoShopId}/orders/{tid}", ServerFixture.Json))!;
        var shipment = Assert.Single(await _simulator.ShipmentsAsync(long.Parse(tid, CultureInfo.InvariantCulture)))!;
        Assert.Equal(shipped["trackingNumber"]!.GetValue<string>(), shipment["out_sid"]!.GetValue<string>());
    }

    private static async Task<Guid> WaitForAsync(HttpClient client, long orderId, Func<JsonNode, bool> reached) =>
        (await client.WaitForWorkflowAsync(orderId, detail => detail["instance"] is { } instance && reached(instance)))["instance"]!["id"]!.GetValue<Guid>();
}
