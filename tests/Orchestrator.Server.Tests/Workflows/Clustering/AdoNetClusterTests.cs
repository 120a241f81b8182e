using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Orchestrator.Server.Tests.Workflows.Clustering;

/// <summary>
/// Two real server processes on one PostgreSQL database form one Orleans cluster: orders pushed to one are resumed
/// through the other, and when one is killed (SIGKILL) the other declares it dead and serves its instances.
/// </summary>
public sealed class AdoNetClusterTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Orders = 4;
    private const string Active = "3";
    private const string Dead = "6";
    private readonly TempDataFolder _data = new("orchestrator-cluster-");
    private PostgreSqlDatabase? _database;

    public async Task InitializeAsync() => _database = await PostgreSqlDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _data.Dispose();
    }

    [SkippableFact]
    public async Task Two_servers_share_one_cluster_and_the_survivor_of_a_SIGKILL_serves_the_instances_of_the_dead_one()
    {
        Skip.If(_database is null, PostgreSqlDatabase.SkipReason);
        var clock = Stopwatch.StartNew();
        await using var a = await StartAsync("a", seedDemo: true);
        await using var b = await StartAsync("b", seedDemo: false);
        using var clientA = a.CreateClient();
        using var clientB = b.CreateClient();
        await UntilAsync(async () => await MembersAsync(Active) == 2, "both silos to be Active in OrleansMembershipTable", a, b);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: both servers up, both silos Active");

        // Orders arrive at A; pickers confirm them through B, whichever silo holds each instance.
        var batch = DemoOrders.Batch("CLU", Orders);
        Assert.Equal(HttpStatusCode.OK, (await clientA.PostAsJsonAsync("/api/shops/1/orders:batch", batch, ServerFixture.Json)).StatusCode);
        await UntilAsync(async () => await CountAsync(clientA, "waitingFor=PickConfirmed") == Orders, "every order to wait for picking", a, b);
        var instances = await InstancesAsync(clientB);
        foreach (var instance in instances)
        {
            await ResumeOkAsync(clientB, instance, "PickConfirmed");
        }

        // A dies without a word; B must notice (probes, then a death vote in the table) before it takes A's instances.
        Assert.Equal(1, await MembersAsync(Active, a.SiloPort));
        await a.KillAsync();
        clock.Restart();
        await UntilAsync(async () => await MembersAsync(Dead, a.SiloPort) == 1, "B to declare A dead", b);
        output.WriteLine($"A declared dead {clock.Elapsed.TotalSeconds:F1} s after SIGKILL");

        foreach (var instance in instances)
        {
            await ResumeOkAsync(clientB, instance, "Scanned", new JsonObject { ["barcode"] = "6901234500011" });
            await ResumeOkAsync(clientB, instance, "Weighed", new JsonObject { ["weightKg"] = 0.8 });
        }

        Assert.Equal(Orders, await CountAsync(clientB, "status=Finished"));
        Assert.Equal(Orders, await _database!.ScalarAsync("SELECT COUNT(*) FROM \"ShipmentConfirmations\""));
    }

    private Task<ServerProcess> StartAsync(string name, bool seedDemo) =>
        ServerProcess.StartAsync(Directory.CreateDirectory(Path.Combine(_data.Path, name)).FullName, seedDemo, new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["Database__ConnectionString"] = _database!.ConnectionString,
            ["Runtime__Clustering"] = "AdoNet",
            ["Runtime__AdvertisedIPAddress"] = "127.0.0.1",

            // Orleans' defaults (5 s probes, 3 misses) take about 15 s to call a silo dead; 2 s and 2 keep the test short
            // while leaving a live silo, slowed by the rest of the suite on two cores, room to answer.
            ["Runtime__Membership__ProbeTimeout"] = "00:00:02",
            ["Runtime__Membership__NumMissedProbesLimit"] = "2",
        });

    private Task<long> MembersAsync(string status, int? siloPort = null) =>
        _database!.ScalarAsync($"SELECT COUNT(*) FROM OrleansMembershipTable WHERE Status = {status}{(siloPort is { } port ? $" AND Port = {port}" : "")}");

    private static async Task ResumeOkAsync(HttpClient client, Guid instance, string bookmark, JsonObject? payload = null)
    {
        var response = await client.PostAsJsonAsync($"/api/workflow-instances/{instance}/bookmarks/{bookmark}:resume", payload, ServerFixture.Json);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"resume {bookmark} of {instance}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<int> CountAsync(HttpClient client, string filter) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/workflow-instances?{filter}&pageSize=1", ServerFixture.Json))!["total"]!.GetValue<int>();

    private static async Task<List<Guid>> InstancesAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonObject>("/api/workflow-instances?pageSize=200", ServerFixture.Json);
        return page!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what, params ServerProcess[] servers)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited 30 s for {what}.\n" + string.Join("\n----\n", servers.Select(s => string.Join('\n', s.Output.TakeLast(40)))));
            await Task.Delay(200);
        }
    }
}
