using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Npgsql;
using Orchestrator.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>
/// The durability contract under load: orders arrive at 300 a second and the floor works in waves while the real server
/// is SIGKILLed three times at random moments and restarted on the same database. Afterwards every acknowledged order
/// exists with its instance, every instance stands at a wait or its end, each package has one live waybill, each order
/// at most one ship confirmation (and every shipped order one), stock on hand and reserved agree with the movements and
/// open reservations, and no step is journalled as completed twice.
/// </summary>
public sealed class PacedKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int OrdersPerSecond = 300;
    private const int OrdersPerPush = 30;
    private const int Kills = 3;
    private const int MaxPushesInFlight = 8;

    private readonly TempDataFolder _data = new("orchestrator-paced-kill-");
    private PostgreSqlDatabase? _postgres;

    public async Task InitializeAsync() => _postgres = await PostgreSqlDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        _data.Dispose();
    }

    [Fact]
    public Task On_SQLite_nothing_acknowledged_is_lost_and_nothing_happens_twice() =>
        RunAsync(() => ServerProcess.StartAsync(_data.Path, seedDemo: true),
            () => new SqliteConnection($"Data Source={Path.Combine(_data.Path, "orchestrator.db")};Pooling=False"));

    [SkippableFact]
    public Task On_PostgreSQL_nothing_acknowledged_is_lost_and_nothing_happens_twice()
    {
        Skip.If(_postgres is null, PostgreSqlDatabase.SkipReason);
        var settings = new Dictionary<string, string> { ["Database__Provider"] = "PostgreSql", ["Database__ConnectionString"] = _postgres!.ConnectionString };
        return RunAsync(() => ServerProcess.StartAsync(_data.Path, seedDemo: true, settings),
            () => new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_postgres.ConnectionString) { Pooling = false }.ToString()));
    }

    private async Task RunAsync(Func<Task<ServerProcess>> start, Func<DbConnection> connect)
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var acknowledged = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var numbered = 0;
        long warehouse = 0;
        var moments = new List<int>();
        for (var round = 0; round < Kills; round++)
        {
            var server = await start();
            using (var client = server.CreateClient())
            {
                if (round == 0)
                {
                    warehouse = (await client.GetFromJsonAsync<JsonObject>("/api/shops/1", ServerFixture.Json))!["defaultWarehouseId"]!.GetValue<long>();
                    var stocked = await client.PostAsJsonAsync($"/api/warehouses/{warehouse}/stock:adjust",
                        new JsonObject { ["reason"] = "压测入库", ["items"] = new JsonArray(new JsonObject { ["merchantCode"] = "TEA-LJ-250", ["delta"] = 100_000 }) }, ServerFixture.Json);
                    Assert.Equal(HttpStatusCode.OK, stocked.StatusCode);
                }

                // Intake answers once (a fresh process compiles its queries first, slowly on a busy machine); then orders
                // arrive and the floor works, and the server dies at a random moment with both in flight.
                await PushAsync(client, acknowledged, $"KILLWARM{round}-", CancellationToken.None);
                using var load = new CancellationTokenSource();
                var pushing = PushPacedAsync(client, acknowledged, () => Interlocked.Increment(ref numbered), load.Token);
                var floor = PlayTheFloorAsync(client, warehouse, load.Token);
                var moment = random.Next(1_000, 4_000);
                moments.Add(moment);
                await Task.Delay(moment);
                await server.KillAsync();
                await load.CancelAsync();
                await Task.WhenAll(pushing, floor);
                await server.DisposeAsync();
            }
        }

        var context = $"seed {seed}, killed after {string.Join(", ", moments)} ms, {acknowledged.Count} orders acknowledged of {numbered * OrdersPerPush} sent";
        Assert.True(acknowledged.Count >= (Kills + 1) * OrdersPerPush, $"Too few orders were acknowledged to test anything: {context}.");

        // The last restart: recovery takes every instance to its wait or end; one more wave ships some.
        await using (var last = await start())
        {
            using var client = last.CreateClient();
            await WaitUntilSettledAsync(client, context);

            // Whole calls only: a call cut off on the client still runs on the server, and the kill below would interrupt it.
            Assert.True(await WaveAsync(client, warehouse, CancellationToken.None), $"No order waits at picking after recovery ({context}).");
            await WaitUntilSettledAsync(client, context);
        }

        await using var db = connect();
        await db.OpenAsync();
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var id in StringsAsync(db, "SELECT o.\"PlatformOrderId\" FROM \"SalesOrders\" o JOIN \"WorkflowInstances\" i ON i.\"SalesOrderId\" = o.\"Id\" WHERE o.\"PlatformOrderId\" LIKE 'KILL%'"))
        {
            stored.Add(id);
        }

        var lost = acknowledged.Keys.Where(id => !stored.Contains(id)).Take(5).ToList();
        Assert.True(lost.Count == 0, $"Acknowledged but not stored with an instance: {string.Join(", ", lost)} ({context}).");
        var unsettled = new List<string>();
        await foreach (var row in StringsAsync(db, "SELECT \"Status\" || ' at ' || COALESCE(\"CurrentActivityId\", '-') FROM \"WorkflowInstances\" WHERE \"Status\" NOT IN ('Suspended', 'Finished', 'Cancelled')"))
        {
            unsettled.Add(row);
        }

        Assert.True(unsettled.Count == 0, $"Instances neither waiting nor ended: {string.Join(", ", unsettled.Take(10))} ({context}).");
        Assert.Equal(0, await ScalarAsync(db, """
            SELECT COUNT(*) FROM (SELECT "PackageId" FROM "Waybills" WHERE "CancelRequestedAt" IS NULL GROUP BY "PackageId" HAVING COUNT(*) > 1) doubled
            """));
        Assert.Equal(0, await ScalarAsync(db, """
            SELECT COUNT(*) FROM "Packages" p WHERE p."TrackingNumber" IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM "Waybills" w WHERE w."PackageId" = p."Id" AND w."TrackingNumber" = p."TrackingNumber" AND w."CancelRequestedAt" IS NULL)
            """));
        Assert.Equal(0, await ScalarAsync(db, "SELECT COUNT(*) FROM (SELECT \"OrderId\" FROM \"ShipmentConfirmations\" GROUP BY \"OrderId\" HAVING COUNT(*) > 1) doubled"));
        var shipped = await ScalarAsync(db, "SELECT COUNT(*) FROM \"SalesOrders\" WHERE \"Status\" = 'Shipped'");
        Assert.True(shipped > 0, $"No order shipped, so ship confirmations were not exercised ({context}).");
        Assert.Equal(shipped, await ScalarAsync(db, "SELECT COUNT(*) FROM \"ShipmentConfirmations\""));
        Assert.Equal(0, await ScalarAsync(db, """
            SELECT COUNT(*) FROM "StockItems" s
            WHERE s."OnHand" <> (SELECT COALESCE(SUM(m."Delta"), 0) FROM "StockMovements" m WHERE m."WarehouseId" = s."WarehouseId" AND m."GoodsId" = s."GoodsId")
               OR s."Reserved" <> (SELECT COALESCE(SUM(r."Quantity"), 0) FROM "StockReservations" r
                                   WHERE r."WarehouseId" = s."WarehouseId" AND r."GoodsId" = s."GoodsId" AND r."State" = 'Reserved')
            """));
        Assert.Equal(0, await ScalarAsync(db, """
            SELECT COUNT(*) FROM (SELECT "InstanceId", "ActivityId" FROM "WorkflowJournal" WHERE "Event" = 'Completed'
                                  GROUP BY "InstanceId", "ActivityId" HAVING COUNT(*) > 1) doubled
            """));
        output.WriteLine($"{context}; {shipped} shipped.");
    }

    /// <summary>
    /// A push of <see cref="OrdersPerPush"/> orders every 100 ms (300 a second offered), each push on its own, as a
    /// platform's webhook does, at most <see cref="MaxPushesInFlight"/> awaiting an answer; the orders of a push answered
    /// 200 are acknowledged. A push cut off by the kill is not.
    /// </summary>
    private static async Task PushPacedAsync(HttpClient client, ConcurrentDictionary<string, long> acknowledged, Func<int> nextPush, CancellationToken stop)
    {
        var pushes = new List<Task>();
        var interval = TimeSpan.FromSeconds((double)OrdersPerPush / OrdersPerSecond);
        using var timer = new PeriodicTimer(interval);
        using var inFlight = new SemaphoreSlim(MaxPushesInFlight);
        try
        {
            do
            {
                // A server slower than the offer leaves pushes waiting; past a few, a tick's push is not sent (a platform
                // retries later), so the answers that come are timely rather than all of them late.
                if (!inFlight.Wait(0, CancellationToken.None))
                {
                    continue;
                }

                var number = nextPush();
                pushes.Add(PushThenReleaseAsync(client, acknowledged, $"KILL{number:D5}-", inFlight, stop));
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException)
        {
            // The round is over.
        }

        await Task.WhenAll(pushes);
    }

    private static async Task PushThenReleaseAsync(
        HttpClient client, ConcurrentDictionary<string, long> acknowledged, string prefix, SemaphoreSlim inFlight, CancellationToken stop)
    {
        try
        {
            await PushAsync(client, acknowledged, prefix, stop);
        }
        finally
        {
            inFlight.Release();
        }
    }

    private static async Task PushAsync(HttpClient client, ConcurrentDictionary<string, long> acknowledged, string prefix, CancellationToken stop)
    {
        try
        {
            using var response = await client.PostAsJsonAsync("/api/shops/1/orders:batch", DemoOrders.Batch(prefix, OrdersPerPush), ServerFixture.Json, stop);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return;
            }

            var answer = (await response.Content.ReadFromJsonAsync<JsonObject>(ServerFixture.Json, stop))!;
            foreach (var item in answer["results"]!.AsArray())
            {
                if (item!["orderId"] is { } orderId)
                {
                    acknowledged[item["platformOrderId"]!.GetValue<string>()] = orderId.GetValue<long>();
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException or IOException)
        {
            // Cut off by the kill: not acknowledged, so it may or may not be stored.
        }
    }

    /// <summary>
    /// Waves of up to 50 orders waiting at picking (<see cref="WaveAsync"/>) until stopped. Calls cut off by the kill, or
    /// refused because an order moved on, are shrugged off.
    /// </summary>
    private static async Task PlayTheFloorAsync(HttpClient client, long warehouse, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (!await WaveAsync(client, warehouse, stop))
                {
                    await Task.Delay(100, stop);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException or IOException or NullReferenceException)
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                await Task.Delay(100, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// One wave of up to 50 orders waiting at picking: one <c>floor:batch</c> confirms their picking, a second scans and
    /// weighs those it confirmed. False when none waits.
    /// </summary>
    private static async Task<bool> WaveAsync(HttpClient client, long warehouse, CancellationToken stop)
    {
        var waiting = (await client.GetFromJsonAsync<JsonObject>("/api/workflow-instances?shopId=1&waitingFor=PickConfirmed&pageSize=50", ServerFixture.Json, stop))!["items"]!.AsArray();
        if (waiting.Count == 0)
        {
            return false;
        }

        var picked = await BatchAsync(client, warehouse, waiting.Select(i => new JsonObject { ["orderId"] = i!["orderId"]!.GetValue<long>(), ["action"] = "pick:confirm" }), stop);
        var next = picked.Where(r => r["status"]!.GetValue<int>() == 200).SelectMany(r =>
        {
            var orderId = r["orderId"]!.GetValue<long>();
            var lines = r["answer"]!["waiting"]![0]!["payload"]!["lines"]!.AsArray()
                .Select(l => (JsonNode)new JsonObject { ["merchantCode"] = l!["merchantCode"]!.GetValue<string>(), ["quantity"] = l["quantity"]!.GetValue<int>() });
            return new[]
            {
                new JsonObject { ["orderId"] = orderId, ["action"] = "verify:scan", ["body"] = new JsonObject { ["items"] = new JsonArray([.. lines]) } },
                new JsonObject { ["orderId"] = orderId, ["action"] = "weigh", ["body"] = new JsonObject { ["weightKg"] = 0.4 } },
            };
        }).ToList();
        if (next.Count > 0)
        {
            await BatchAsync(client, warehouse, next, stop);
        }

        return true;
    }

    private static async Task<List<JsonObject>> BatchAsync(HttpClient client, long warehouse, IEnumerable<JsonObject> actions, CancellationToken stop)
    {
        using var response = await client.PostAsJsonAsync($"/api/warehouses/{warehouse}/floor:batch", new JsonObject { ["actions"] = new JsonArray([.. actions]) }, ServerFixture.Json, stop);
        response.EnsureSuccessStatusCode();
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>(ServerFixture.Json, stop))!;
        return [.. answer["results"]!.AsArray().Select(r => r!.AsObject())];
    }

    /// <summary>Waits until no instance is running or faulted: each stands at a wait or its end.</summary>
    private static async Task WaitUntilSettledAsync(HttpClient client, string context)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        var running = -1;
        while (DateTime.UtcNow < deadline)
        {
            running = (await client.GetFromJsonAsync<JsonObject>("/api/workflow-instances?status=Running&pageSize=1", ServerFixture.Json))!["total"]!.GetValue<int>();
            var faulted = (await client.GetFromJsonAsync<JsonObject>("/api/workflow-instances?status=Faulted&pageSize=1", ServerFixture.Json))!["total"]!.GetValue<int>();
            Assert.True(faulted == 0, $"{faulted} instances faulted ({context}).");
            if (running == 0)
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{running} instances still running after 3 minutes ({context}).");
    }

    private static async Task<long> ScalarAsync(DbConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async IAsyncEnumerable<string> StringsAsync(DbConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            yield return reader.GetString(0);
        }
    }
}
