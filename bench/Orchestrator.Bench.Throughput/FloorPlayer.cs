using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Bench.Throughput;

/// <summary>
/// The warehouse floor, as stations working in waves: each station takes up to 200 orders waiting at picking (the
/// floor's list), confirms their picking in one <c>floor:batch</c> call, then scans every line and weighs every order in
/// a second call, built from the first call's answers (what the pick answer says is to be scanned).
/// </summary>
internal sealed class FloorPlayer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _stations;

    private FloorPlayer(HttpClient http, long shopId, long warehouseId, int stations)
    {
        var taken = new ConcurrentDictionary<long, bool>();
        _stations = Task.WhenAll(Enumerable.Range(0, stations).Select(_ => Task.Run(() => StationAsync(http, shopId, warehouseId, taken, _stop.Token))));
    }

    public static FloorPlayer Start(HttpClient http, long shopId, long warehouseId, int stations) => new(http, shopId, warehouseId, stations);

    /// <summary>Rethrows what stopped a station (a refused call), so a run fails with the server's answer rather than stalling.</summary>
    public void ThrowIfFaulted()
    {
        if (_stations.IsFaulted)
        {
            _stations.GetAwaiter().GetResult();
        }
    }

    private static async Task StationAsync(HttpClient http, long shopId, long warehouseId, ConcurrentDictionary<long, bool> taken, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var waiting = (await http.GetFromJsonAsync<JsonObject>($"/api/workflow-instances?shopId={shopId}&waitingFor=PickConfirmed&pageSize=200", stop))!["items"]!.AsArray();
                var wave = waiting.Select(i => i!["orderId"]!.GetValue<long>()).Where(id => taken.TryAdd(id, true)).ToList();
                if (wave.Count == 0)
                {
                    await Task.Delay(50, stop);
                    continue;
                }

                var picked = await BatchAsync(http, warehouseId, wave.Select(id => new JsonObject { ["orderId"] = id, ["action"] = "pick:confirm" }), stop);
                var scanAndWeigh = picked.SelectMany(answer =>
                {
                    var orderId = answer["order"]!["id"]!.GetValue<long>();
                    var lines = answer["waiting"]![0]!["payload"]!["lines"]!.AsArray()
                        .Select(l => (JsonNode)new JsonObject { ["merchantCode"] = l!["merchantCode"]!.GetValue<string>(), ["quantity"] = l["quantity"]!.GetValue<int>() });
                    return new[]
                    {
                        new JsonObject { ["orderId"] = orderId, ["action"] = "verify:scan", ["body"] = new JsonObject { ["items"] = new JsonArray([.. lines]) } },
                        new JsonObject { ["orderId"] = orderId, ["action"] = "weigh", ["body"] = new JsonObject { ["weightKg"] = 0.35 } },
                    };
                });
                await BatchAsync(http, warehouseId, scanAndWeigh, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One <c>floor:batch</c> call; every action must succeed (the bench's orders are all in order); returns the answers.</summary>
    private static async Task<List<JsonObject>> BatchAsync(HttpClient http, long warehouseId, IEnumerable<JsonObject> actions, CancellationToken stop)
    {
        var answer = await BenchSession.Ok(await http.PostAsJsonAsync($"/api/warehouses/{warehouseId}/floor:batch",
            new JsonObject { ["actions"] = new JsonArray([.. actions]) }, stop), "floor:batch");
        var results = answer["results"]!.AsArray();
        if (answer["failed"]!.GetValue<int>() > 0)
        {
            throw new InvalidOperationException("floor:batch: " + results.First(r => r!["status"]!.GetValue<int>() != 200)!.ToJsonString());
        }

        return [.. results.Select(r => r!["answer"]!.AsObject())];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _stations.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }
}
