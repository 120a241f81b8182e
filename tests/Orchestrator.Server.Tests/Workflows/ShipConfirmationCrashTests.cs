using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>
/// SIGKILLs the server while the platform is slow to answer a ship confirmation it has already recorded, restarts it on
/// the same database, and checks the platform received that confirmation exactly once and the order shipped.
/// </summary>
public sealed class ShipConfirmationCrashTests : IAsyncLifetime
{
    private const string Shop = "tb-tea-flagship";
    private readonly TempDataFolder _data = new("orchestrator-ship-crash-");
    private readonly PlatformSimulatorHost _platform = new();

    public Task InitializeAsync() => _platform.StartAsync();

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Killed_while_the_platform_answers_a_ship_confirmation_the_restarted_server_does_not_send_it_again()
    {
        // The demo's Taobao shop, connected to the simulator; attempts may wait longer than the platform's delay.
        var environment = new Dictionary<string, string>
        {
            [$"Platforms__{Shop}__BaseUrl"] = _platform.BaseUrl,
            ["PlatformClient__AttemptTimeout"] = "00:01:00",
            ["PlatformClient__TotalTimeout"] = "00:02:00",
        };
        var tid = await _platform.AddTradeAsync(Shop, "TEA-LJ-250");
        long orderId;
        var first = await ServerProcess.StartAsync(_data.Path, seedDemo: true, environment);
        using (var client = first.CreateClient())
        {
            orderId = await PullAsync(client, tid);
            var instance = await WaitForAsync(client, orderId, i => i["waitingFor"]?.GetValue<string>() == "PickConfirmed");
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/workflow-instances/{instance}/bookmarks/PickConfirmed:resume", null)).StatusCode);
            var scanned = await client.PostAsJsonAsync($"/api/workflow-instances/{instance}/bookmarks/Scanned:resume", new JsonObject { ["barcode"] = "6901234500011" });
            Assert.Equal(HttpStatusCode.OK, scanned.StatusCode);

            await _platform.SetShipDelayAsync(60_000);
            var weighing = client.PostAsJsonAsync($"/api/workflow-instances/{instance}/bookmarks/Weighed:resume", new JsonObject { ["weightKg"] = 0.4 });
            await WaitForSendAsync(tid);
            await first.KillAsync();
            try
            {
                (await weighing).Dispose();
            }
            catch (HttpRequestException)
            {
                // The server died before it answered, as intended.
            }
        }

        await _platform.SetShipDelayAsync(0);
        Assert.Single(await _platform.ShipmentsAsync(tid));

        await using var second = await ServerProcess.StartAsync(_data.Path, seedDemo: true, environment);
        using (var client = second.CreateClient())
        {
            await WaitForAsync(client, orderId, i => i["status"]!.GetValue<string>() == "Finished");
            var order = (await client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}", ServerFixture.Json))!;
            Assert.Equal("Shipped", order["status"]!.GetValue<string>());
            Assert.Equal(1, await _platform.SendsAsync(tid));
            Assert.Equal(order["trackingNumber"]!.GetValue<string>(), Assert.Single(await _platform.ShipmentsAsync(tid))!["out_sid"]!.GetValue<string>());
        }
    }

    private static async Task<long> PullAsync(HttpClient client, long tid)
    {
        var since = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O", CultureInfo.InvariantCulture));
        var response = await client.PostAsync($"/api/shops/1/orders:pull?since={since}", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"pull: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!["results"]!.AsArray()
            .Single(r => r!["platformOrderId"]!.GetValue<string>() == tid.ToString(CultureInfo.InvariantCulture))!["orderId"]!.GetValue<long>();
    }

    /// <summary>Polls the order's instance until <paramref name="reached"/> holds; returns its id.</summary>
    private static async Task<Guid> WaitForAsync(HttpClient client, long orderId, Func<JsonObject, bool> reached)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        JsonObject? last = null;
        while (DateTime.UtcNow < deadline)
        {
            var response = await client.GetAsync($"/api/orders/{orderId}/workflow");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                last = (await response.Content.ReadFromJsonAsync<JsonObject>(ServerFixture.Json))!["instance"]!.AsObject();
                if (reached(last))
                {
                    return last["id"]!.GetValue<Guid>();
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Order {orderId} did not get there in 90 s; last: {last?.ToJsonString()}");
    }

    private async Task WaitForSendAsync(long tid)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await _platform.SendsAsync(tid) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"No ship confirmation of {tid} reached the platform in 60 s.");
            await Task.Delay(20);
        }
    }
}
