using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>
/// Kills the real server process (SIGKILL) in the middle of running orders and again while they wait at a bookmark,
/// restarts it on the same SQLite file and finishes every order: no order is lost and no side effect happens twice.
/// </summary>
public sealed partial class DurabilityTests : IDisposable
{
    private const int Orders = 100;
    private readonly TempDataFolder _data = new("orchestrator-durability-");

    [Fact]
    public async Task Killed_mid_run_and_at_a_bookmark_every_order_still_ships_with_one_waybill_and_one_ship_confirmation()
    {
        // 1. Push a batch and kill the server while its instances are still running.
        var first = await ServerProcess.StartAsync(_data.Path, seedDemo: true);
        using (var client = first.CreateClient())
        {
            var batch = DemoOrders.Batch("DUR", Orders);
            var pushed = await client.PostAsJsonAsync("/api/shops/1/orders:batch", batch, ServerFixture.Json);
            Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        }

        await first.KillAsync();

        // 2. Restart: recovery continues every interrupted instance to the pick wait.
        var second = await ServerProcess.StartAsync(_data.Path, seedDemo: true);
        using (var client = second.CreateClient())
        {
            await WaitUntilAsync(client, "waitingFor=PickConfirmed", Orders);
            var recovered = second.Output.Select(l => RecoveredCount().Match(l)).FirstOrDefault(m => m.Success);
            Assert.True(recovered is not null, "The restarted server logged no recovery line:\n" + string.Join('\n', second.Output));
            Assert.True(int.Parse(recovered.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0,
                "The first server had finished every instance before the kill, so nothing was interrupted: " + recovered.Value);

            // 3. Pickers confirm every order, then the server dies again while they wait to be scanned.
            foreach (var instance in await InstancesAsync(client))
            {
                Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/workflow-instances/{instance}/bookmarks/PickConfirmed:resume", null)).StatusCode);
            }
        }

        await second.KillAsync();

        // 4. Restart and finish on the floor.
        await using var third = await ServerProcess.StartAsync(_data.Path, seedDemo: true);
        using (var client = third.CreateClient())
        {
            var instances = await InstancesAsync(client);
            Assert.Equal(Orders, instances.Count);
            foreach (var instance in instances)
            {
                var scanned = await client.PostAsJsonAsync($"/api/workflow-instances/{instance}/bookmarks/Scanned:resume", new JsonObject { ["barcode"] = "6901234500011" });
                Assert.Equal(HttpStatusCode.OK, scanned.StatusCode);
                var weighed = await client.PostAsJsonAsync($"/api/workflow-instances/{instance}/bookmarks/Weighed:resume", new JsonObject { ["weightKg"] = 0.8 });
                Assert.Equal(HttpStatusCode.OK, weighed.StatusCode);
            }

            await WaitUntilAsync(client, "status=Finished", Orders);
        }

        await third.KillAsync();
        AssertEachSideEffectOnce();
    }

    public void Dispose()
    {
        _data.Dispose();
    }

    private void AssertEachSideEffectOnce()
    {
        using var db = new SqliteConnection($"Data Source={Path.Combine(_data.Path, "orchestrator.db")}");
        db.Open();
        Assert.Equal(Orders, Scalar(db, "SELECT COUNT(*) FROM SalesOrders WHERE Status = 'Shipped'"));
        Assert.Equal(Orders, Scalar(db, "SELECT COUNT(*) FROM WorkflowInstances WHERE Status = 'Finished'"));
        Assert.Equal(Orders, Scalar(db, "SELECT COUNT(DISTINCT OrderId) FROM Waybills"));
        Assert.Equal(Orders, Scalar(db, "SELECT COUNT(*) FROM Waybills"));
        Assert.Equal(Orders, Scalar(db, "SELECT COUNT(*) FROM ShipmentConfirmations"));
        Assert.Equal(Orders, Scalar(db, "SELECT COUNT(DISTINCT OrderId) FROM ShipmentConfirmations"));
        Assert.Equal(0, Scalar(db, "SELECT COUNT(*) FROM SalesOrders o JOIN Waybills w ON w.OrderId = o.Id WHERE o.TrackingNumber <> w.TrackingNumber"));

        // Every completed activity is journalled once per instance: nothing completed ran again after a restart.
        Assert.Equal(0, Scalar(db, """
            SELECT COUNT(*) FROM (SELECT InstanceId, ActivityId FROM WorkflowJournal WHERE Event = 'Completed'
                                  GROUP BY InstanceId, ActivityId HAVING COUNT(*) > 1)
            """));
    }

    private static long Scalar(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static async Task<List<Guid>> InstancesAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonObject>("/api/workflow-instances?pageSize=200", ServerFixture.Json);
        return page!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
    }

    private static async Task WaitUntilAsync(HttpClient client, string filter, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        var total = -1;
        while (DateTime.UtcNow < deadline)
        {
            var page = await client.GetFromJsonAsync<JsonObject>($"/api/workflow-instances?{filter}&pageSize=1", ServerFixture.Json);
            total = page!["total"]!.GetValue<int>();
            if (total == expected)
            {
                return;
            }

            Assert.Equal(0, (await client.GetFromJsonAsync<JsonObject>("/api/workflow-instances?status=Faulted&pageSize=1", ServerFixture.Json))!["total"]!.GetValue<int>());
            await Task.Delay(200);
        }

        throw new TimeoutException($"Only {total} of {expected} instances matched '{filter}' in 90 s.");
    }

    [GeneratedRegex(@"Recovery: (\d+) unfinished")]
    private static partial Regex RecoveredCount();
}
