using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Faults;

/// <summary>
/// PostgreSQL stopped for 30 s under a running server: requests fail fast with 503, readiness says unhealthy, and the
/// workflows that were running or being resumed carry on by themselves once the database is back, each step once; the
/// background stock sync and pull, failing all along, work again without a restart.
/// </summary>
public sealed class DatabaseOutageTests(OutagePostgreSqlFixture server) : LifecycleTestBase(server), IClassFixture<OutagePostgreSqlFixture>
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FastEnough = TimeSpan.FromSeconds(5);

    [SkippableFact]
    public async Task Workflows_resume_by_themselves_after_the_database_was_down_for_30_seconds()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var synced = Unique("SYNC");
        var connected = await CreateConnectedShopAsync(OutagePostgreSqlFixture.ConnectedShop, synced);
        await EnableStockSyncAsync(connected, ratio: 1m, minimum: 0, synced);
        var simulator = ((OutagePostgreSqlFixture)Server).Simulator;
        await simulator.WaitForStockAsync(OutagePostgreSqlFixture.ConnectedShop, synced, 100);

        // A Delay that falls due while the database is down: its reminder meets the outage.
        await PublishWorkflowAsync(CoolOff());
        var coolCode = Unique("COOL");
        var cooling = await PushPaidOrderAsync(await CreatePinnedShopAsync("outage-cool-off", coolCode), coolCode);
        await WaitForAsync(cooling, bookmark: "Delay");

        // Waiting at picking before the outage: their pick confirmations are sent while it is down.
        var waiting = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            waiting.Add(await PushPaidOrderAsync(shop, code));
        }

        foreach (var order in waiting)
        {
            await WaitForAsync(order, "PickConfirmed");
        }

        // In flight: a batch answers before its orders have run, so the database goes while their steps are running.
        var batch = new JsonObject { ["orders"] = new JsonArray(Enumerable.Range(0, 40).Select(_ => (JsonNode)PaidOrder(Unique("TB"), (code, 1))).ToArray()) };
        var pushed = await Client.PostAsJsonAsync($"/api/shops/{shop}/orders:batch", batch, ServerFixture.Json);
        Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        var inFlight = (await pushed.Content.ReadFromJsonAsync<JsonObject>(ServerFixture.Json))!["results"]!.AsArray()
            .Select(r => r!["orderId"]!.GetValue<long>()).ToList();

        var cluster = ((OutagePostgreSqlFixture)Server).Cluster!;
        await cluster.StopAsync();
        var down = Stopwatch.StartNew();
        var answered = 0;
        while (down.Elapsed < Outage)
        {
            await AssertFastUnavailableAsync(() => PostOrderAsync(shop, PaidOrder(Unique("TB"), (code, 1))));
            await AssertFastUnavailableAsync(() => Client.GetAsync($"/api/orders?shopId={shop}"));
            await AssertFastUnavailableAsync(() => PostFloorAsync(waiting[answered % waiting.Count], "pick:confirm", new JsonObject { ["by"] = "拣货员A" }));
            var ready = await TimedAsync(() => Client.GetAsync("/health/ready"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            answered++;
            await Task.Delay(500);
        }

        await cluster.StartAsync();
        var back = DateTime.UtcNow;
        Assert.True(answered >= 10, $"Only {answered} rounds of requests in {Outage.TotalSeconds} s: requests did not fail fast.");

        // Fired by the grain's own retry once the database answers, not a minute later by the reminder's next tick.
        await WaitForAsync(cooling, status: "Finished", seconds: 25);

        // The in-flight orders get to picking without anyone touching them; the refused stimuli are simply sent again.
        foreach (var order in inFlight)
        {
            await WaitForAsync(order, "PickConfirmed", seconds: 60);
        }

        foreach (var order in waiting)
        {
            await RetryUntilOkAsync(() => PostFloorAsync(order, "pick:confirm", new JsonObject { ["by"] = "拣货员A" }));
            await WaitForAsync(order, "Scanned");
        }

        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/ready")).StatusCode);

        // The stock sync worker's loop and the shop's pull grain went through the outage and still work.
        await AdjustStockAsync(await WarehouseOfAsync(connected), -10, synced);
        await simulator.WaitForStockAsync(OutagePostgreSqlFixture.ConnectedShop, synced, 90);
        var tid = await simulator.AddTradeAsync(OutagePostgreSqlFixture.ConnectedShop, synced);
        var pull = await Client.PostAsync($"/api/shops/{connected}/orders:pull-now", null);
        Assert.True(pull.StatusCode == HttpStatusCode.OK, await pull.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/shops/{connected}/orders/{tid}")).StatusCode);
        var orders = waiting.Concat(inFlight).ToList();
        var (duplicateJournal, waybills, incidents, stepsAfter) = await Server.WithDbAsync(async db =>
        {
            var instances = await db.WorkflowInstances.Where(i => i.SalesOrderId != null && orders.Contains(i.SalesOrderId.Value)).Select(i => i.Id).ToListAsync();
            var duplicates = await db.WorkflowJournal.Where(j => instances.Contains(j.InstanceId))
                .GroupBy(j => new { j.InstanceId, j.Sequence }).Where(g => g.Count() > 1).CountAsync();
            var perOrder = await db.Waybills.Where(w => orders.Contains(w.OrderId)).GroupBy(w => w.OrderId).Select(g => g.Count()).ToListAsync();
            var open = await db.WorkflowIncidents.CountAsync(i => instances.Contains(i.InstanceId));
            var batchInstances = await db.WorkflowInstances.Where(i => i.SalesOrderId != null && inFlight.Contains(i.SalesOrderId.Value)).Select(i => i.Id).ToListAsync();
            var after = await db.WorkflowJournal.CountAsync(j => batchInstances.Contains(j.InstanceId) && j.StartedAt > back);
            return (duplicates, perOrder, open, after);
        });
        Assert.True(stepsAfter > 0, "No step of the batch ran after the outage: nothing was in flight, so nothing was tested.");
        Assert.Equal(0, duplicateJournal);
        Assert.Equal(orders.Count, waybills.Count);
        Assert.All(waybills, count => Assert.Equal(1, count));
        Assert.Equal(0, incidents);
        foreach (var order in orders)
        {
            var detail = await InstanceOfOrderAsync(order);
            var entered = detail["journal"]!.AsArray().Where(j => j!["event"]!.GetValue<string>() is "Completed" or "Suspended")
                .Select(j => j!["activityId"]!.GetValue<string>() + ":" + j["event"]).ToList();
            Assert.True(entered.Count == entered.Distinct().Count(), $"Order {order} ran a step twice: {string.Join(", ", entered)}");
        }
    }

    /// <summary>Start, a 10 s Delay, Finish.</summary>
    private static JsonObject CoolOff() => new()
    {
        ["definitionId"] = "outage-cool-off",
        ["name"] = "Cool-off across an outage",
        ["root"] = new JsonObject
        {
            ["type"] = "Flowchart",
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "start", ["type"] = "Start" },
                new JsonObject { ["id"] = "cool", ["type"] = "Delay", ["duration"] = "00:00:10" },
                new JsonObject { ["id"] = "end", ["type"] = "Finish" }),
            ["connections"] = new JsonArray(Link("start", "Done", "cool"), Link("cool", "Done", "end")),
        },
    };

    private static async Task AssertFastUnavailableAsync(Func<Task<HttpResponseMessage>> send)
    {
        var response = await TimedAsync(send);
        var problem = await ProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Database unavailable", problem["title"]!.GetValue<string>());
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 without Retry-After");
    }

    private static async Task<HttpResponseMessage> TimedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var watch = Stopwatch.StartNew();
        var response = await send();
        Assert.True(watch.Elapsed < FastEnough, $"The answer took {watch.Elapsed.TotalSeconds:F1} s while the database was down.");
        return response;
    }

    /// <summary>A client honouring Retry-After: the first request after the restart may meet a connection the outage broke.</summary>
    private static async Task RetryUntilOkAsync(Func<Task<HttpResponseMessage>> send)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await send();
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 10)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                return;
            }

            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }
    }
}
