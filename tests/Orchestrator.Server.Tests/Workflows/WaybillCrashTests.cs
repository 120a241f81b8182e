using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>
/// SIGKILLs the server while a carrier is answering waybill requests (numbers issued, steps not yet committed), restarts
/// it, and checks the carrier still holds exactly one number per package, the one each order carries.
/// </summary>
public sealed class WaybillCrashTests : IAsyncLifetime
{
    private const int Orders = 30;
    private readonly TempDataFolder _data = new("orchestrator-waybill-crash-");
    private WaybillSimulatorHost _simulator = null!;

    public async Task InitializeAsync() => _simulator = await WaybillSimulatorHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Killed_between_the_carriers_answer_and_the_commit_the_restarted_server_gets_the_same_numbers()
    {
        var environment = new Dictionary<string, string> { ["Waybill__BaseUrl"] = _simulator.BaseAddress.ToString() };

        // The demo shop ships with YTO through Cainiao; its first answers come late, after the numbers are issued.
        await _simulator.InjectAsync(new JsonObject { ["provider"] = "Cainiao", ["delay"] = Orders, ["delaySeconds"] = 2 });
        var first = await ServerProcess.StartAsync(_data.Path, seedDemo: true, environment);
        using (var client = first.CreateClient())
        {
            var batch = DemoOrders.Batch("WBK", Orders);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/shops/1/orders:batch", batch, ServerFixture.Json)).StatusCode);
            await WaitForIssuedAsync(3);
        }

        await first.KillAsync();
        await _simulator.ClearFaultsAsync();
        Assert.True(CommittedWaybills() < (await _simulator.WaybillsAsync()).Count, "The kill did not land between an issue and its commit.");

        await using var second = await ServerProcess.StartAsync(_data.Path, seedDemo: true, environment);
        using (var client = second.CreateClient())
        {
            await WaitAtPickAsync(client);
            var orders = (await client.GetFromJsonAsync<JsonObject>("/api/orders?shopId=1&pageSize=200", ServerFixture.Json))!["items"]!.AsArray();
            var issued = await _simulator.WaybillsAsync();

            Assert.Equal(Orders, issued.Count);
            Assert.All(issued.GroupBy(w => w["key"]!.GetValue<string>().Split(':')[0]), perInstance => Assert.Single(perInstance));
            Assert.Contains(issued, w => w["repeats"]!.GetValue<int>() > 0);
            Assert.Equal(
                issued.Select(w => w["trackingNumber"]!.GetValue<string>()).Order(),
                orders.Select(o => o!["trackingNumber"]!.GetValue<string>()).Order());
        }
    }

    private async Task WaitForIssuedAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await _simulator.WaybillsAsync()).Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The carrier issued fewer than {count} numbers in 60 s.");
            await Task.Delay(20);
        }
    }

    private static async Task WaitAtPickAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        var total = 0;
        while (DateTime.UtcNow < deadline)
        {
            total = (await client.GetFromJsonAsync<JsonObject>("/api/workflow-instances?waitingFor=PickConfirmed&pageSize=1", ServerFixture.Json))!["total"]!.GetValue<int>();
            if (total == Orders)
            {
                return;
            }

            Assert.Equal(0, (await client.GetFromJsonAsync<JsonObject>("/api/workflow-instances?status=Faulted&pageSize=1", ServerFixture.Json))!["total"]!.GetValue<int>());
            await Task.Delay(200);
        }

        throw new TimeoutException($"Only {total} of {Orders} instances reached PickConfirmed in 90 s.");
    }

    private long CommittedWaybills()
    {
        using var db = new SqliteConnection($"Data Source={Path.Combine(_data.Path, "orchestrator.db")}");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Waybills";
        return (long)command.ExecuteScalar()!;
    }
}
