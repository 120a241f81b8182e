using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Bench.Throughput;

/// <summary>
/// One end-to-end run: the platform simulator pushes <c>orders</c> paid trades to the server's intake webhook in
/// batches; the shop's rules auto-approve them; the workflow reviews, checks stock, allocates, asks the waybill
/// simulator for numbers and waits at picking; this harness plays the floor (confirm picking, scan the lines, weigh);
/// the workflow then confirms the shipment to the platform simulator and deducts stock. The clock runs from the first
/// push until every order is Shipped.
/// </summary>
internal static class EndToEndRun
{
    private static readonly string[] Codes = ["BENCH-TEA-LJ", "BENCH-TEA-BLC", "BENCH-CUP", "BENCH-BOX", "BENCH-TEA-PE"];

    public static async Task<RunFigures> RunAsync(string repo, BenchDatabase database, int orders, BenchOptions options, TextWriter log)
    {
        await using var simulators = await Simulators.StartAsync();
        var settings = new Dictionary<string, string>(database.ServerSettings)
        {
            ["Waybill__BaseUrl"] = simulators.Waybill.ToString().TrimEnd('/'),
            ["Platforms__benchshop__BaseUrl"] = simulators.Platform.ToString().TrimEnd('/'),
            ["Platforms__benchshop__Session"] = "benchshop",
            ["Platforms__benchwarm__BaseUrl"] = simulators.Platform.ToString().TrimEnd('/'),
            ["Platforms__benchwarm__Session"] = "benchwarm",
        };
        await using var server = await ServerUnderTest.StartAsync(repo, settings);
        using var http = await server.SignedInClientAsync();
        using var platform = new HttpClient { BaseAddress = simulators.Platform, Timeout = TimeSpan.FromMinutes(5) };
        var (warehouse, carrier) = await SetUpStockAsync(http, orders + options.Warmup);

        // Warm-up on a shop of its own (JIT, EF's compiled queries, pools), so the clock measures the steady state.
        if (options.Warmup > 0)
        {
            var warm = await CreateShopAsync(http, "benchwarm", warehouse, carrier);
            await DriveAsync(http, platform, server, warm, options.Warmup, options, Stopwatch.StartNew(), TextWriter.Null);
            log.WriteLine($"  warmed up with {options.Warmup} orders");
        }

        var shopId = await CreateShopAsync(http, "benchshop", warehouse, carrier);
        var since = DateTime.UtcNow;
        var databaseBefore = await DatabaseActivityAsync(http);
        var cpuBefore = server.CpuSeconds();
        var clock = Stopwatch.StartNew();
        var intakeSeconds = await DriveAsync(http, platform, server, shopId, orders, options, clock, log);
        clock.Stop();
        var cpu = server.CpuSeconds() - cpuBefore;
        var databaseAfter = await DatabaseActivityAsync(http);
        var peak = server.PeakMemoryMb();
        log.WriteLine($"  all {orders} shipped in {clock.Elapsed.TotalSeconds:F1} s");
        var shipments = (await platform.GetFromJsonAsync<JsonArray>("/admin/shipments"))!.Count;
        if (shipments != orders + options.Warmup)
        {
            throw new InvalidOperationException($"The platform simulator recorded {shipments} shipments for {orders + options.Warmup} orders.");
        }

        await server.DisposeAsync();
        var stages = await StageLatencies.ReadAsync(database, shopId, since);
        return new RunFigures(database.Provider, orders, clock.Elapsed.TotalSeconds, intakeSeconds, orders / clock.Elapsed.TotalSeconds,
            cpu, peak, databaseAfter.Commands - databaseBefore.Commands, databaseAfter.Commits - databaseBefore.Commits, stages, shopId, since);
    }

    /// <summary>The server's count of database commands and commits since it started (<c>GET /api/system/database</c>).</summary>
    private static async Task<(long Commands, long Commits)> DatabaseActivityAsync(HttpClient http)
    {
        var counts = await http.GetFromJsonAsync<JsonObject>("/api/system/database")
            ?? throw new InvalidOperationException("GET /api/system/database answered nothing.");
        return ((long)counts["commands"]!, (long)counts["commits"]!);
    }

    /// <summary>Has the simulator push <paramref name="orders"/> trades to the shop and plays the floor until all shipped; returns the push time.</summary>
    private static async Task<double> DriveAsync(
        HttpClient http, HttpClient platform, ServerUnderTest server, long shopId, int orders, BenchOptions options, Stopwatch clock, TextWriter log)
    {
        var key = await Ok(await http.PostAsJsonAsync($"/api/shops/{shopId}/api-keys", new { name = "bench-push" }), "api key");
        await Ok(await platform.PutAsJsonAsync("/admin/push-url", new JsonObject
        {
            ["url"] = new Uri(server.BaseAddress, $"/api/shops/{shopId}/orders:batch").ToString(),
            ["api_key"] = key["key"]!.GetValue<string>(),
        }), "push-url");
        using var done = new CancellationTokenSource();
        var floor = Task.Run(() => PlayTheFloorAsync(http, shopId, options.FloorParallelism, done.Token));
        var pushes = Enumerable.Range(0, (orders + options.Batch - 1) / options.Batch)
            .Select(i => Math.Min(options.Batch, orders - (i * options.Batch))).ToList();
        await Parallel.ForEachAsync(pushes, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (count, ct) =>
            await Ok(await platform.PostAsJsonAsync("/admin/trades", new Dictionary<string, object> { ["generate"] = count, ["outer_sku_ids"] = Codes }, ct), "push trades"));
        var intakeSeconds = clock.Elapsed.TotalSeconds;
        log.WriteLine($"  pushed {orders} orders in {intakeSeconds:F1} s; waiting for every order to ship…");

        var shipped = 0;
        var lastProgress = clock.Elapsed;
        var lastShipped = -1;
        while (shipped < orders)
        {
            await Task.Delay(200);
            shipped = (await http.GetFromJsonAsync<JsonObject>($"/api/orders?shopId={shopId}&status=Shipped&pageSize=1"))!["total"]!.GetValue<int>();
            if (shipped != lastShipped)
            {
                lastShipped = shipped;
                lastProgress = clock.Elapsed;
            }
            else if (clock.Elapsed - lastProgress > TimeSpan.FromSeconds(60))
            {
                var sample = await http.GetStringAsync($"/api/workflow-instances?shopId={shopId}&pageSize=5");
                throw new TimeoutException($"No order shipped for 60 s ({shipped}/{orders}); instances: {sample}\nserver log:\n{server.Tail()}");
            }

            if (floor.IsFaulted)
            {
                await floor;
            }
        }

        await done.CancelAsync();
        await floor.ContinueWith(_ => { }, TaskScheduler.Default);
        return intakeSeconds;
    }

    /// <summary>A warehouse, a carrier and five goods with stock for every order.</summary>
    private static async Task<(long Warehouse, long Carrier)> SetUpStockAsync(HttpClient http, int orders)
    {
        var warehouse = await CreateAsync(http, "/api/warehouses", new { code = "BENCH-WH", name = "压测仓", province = "浙江省", city = "杭州市", address = "文一西路1号" });
        var carrier = await CreateAsync(http, "/api/logistics-companies", new { code = "SF", name = "顺丰速运", platformLogisticsCode = "SF", waybillProvider = "SF" });
        for (var i = 0; i < Codes.Length; i++)
        {
            await CreateAsync(http, "/api/goods", new { merchantCode = Codes[i], barcode = $"69000000{i:D5}", name = $"压测商品{i}", weightKg = 0.3, price = 99 });
        }

        await Ok(await http.PostAsJsonAsync($"/api/warehouses/{warehouse}/stock:adjust", new
        {
            reason = "压测入库",
            items = Codes.Select(c => new { merchantCode = c, delta = orders }).ToArray(),
        }), "stock:adjust");
        return (warehouse, carrier);
    }

    /// <summary>A shop on the platform simulator whose rules auto-approve.</summary>
    private static async Task<long> CreateShopAsync(HttpClient http, string code, long warehouse, long carrier)
    {
        var shop = await CreateAsync(http, "/api/shops", new
        {
            code,
            name = "压测店铺 " + code,
            platform = "taobao",
            defaultWarehouseId = warehouse,
            defaultLogisticsCompanyId = carrier,
        });

        // Ten rules per shop, as a seller would have: nine that block rare orders, and one that approves the rest.
        var rules = Enumerable.Range(1, 9).Select(i => (object)new
        {
            id = $"block-{i}",
            name = $"阻止{i}",
            priority = i,
            when = new { all = new object[] { new { field = "buyerMessage", @operator = "contains", value = $"不要发货{i}" } } },
            action = new { type = "Block", reason = $"买家留言{i}" },
        }).Append(new
        {
            id = "approve",
            name = "自动审核",
            priority = 100,
            when = new { all = new object[] { new { field = "payment", @operator = "ge", value = 0 } } },
            action = new { type = "AutoApprove" },
        }).ToList();
        var version = 0;
        foreach (var rule in rules)
        {
            await Ok(await http.PostAsJsonAsync($"/api/shops/{shop}/rules", new { version, rule }), "add rule");
            version++;
        }

        return shop;
    }

    /// <summary>
    /// The floor: picks every order waiting at picking, scans its lines and weighs it, <paramref name="parallelism"/>
    /// orders at a time, as a busy warehouse's stations would.
    /// </summary>
    private static async Task PlayTheFloorAsync(HttpClient http, long shopId, int parallelism, CancellationToken stop)
    {
        var taken = new ConcurrentDictionary<long, bool>();
        while (!stop.IsCancellationRequested)
        {
            JsonArray waiting;
            try
            {
                waiting = (await http.GetFromJsonAsync<JsonObject>($"/api/workflow-instances?shopId={shopId}&waitingFor=PickConfirmed&pageSize=200", stop))!["items"]!.AsArray();
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var fresh = waiting.Select(i => i!["orderId"]!.GetValue<long>()).Where(id => taken.TryAdd(id, true)).ToList();
            if (fresh.Count == 0)
            {
                await Task.Delay(100, stop).ContinueWith(_ => { }, TaskScheduler.Default);
                continue;
            }

            await Parallel.ForEachAsync(fresh, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (orderId, ct) =>
            {
                var picked = await Ok(await http.PostAsJsonAsync($"/api/orders/{orderId}/pick:confirm", new { by = "bench" }, ct), "pick:confirm");
                var lines = picked["waiting"]![0]!["payload"]!["lines"]!.AsArray()
                    .Select(l => new { merchantCode = l!["merchantCode"]!.GetValue<string>(), quantity = l["quantity"]!.GetValue<int>() }).ToArray();
                await Ok(await http.PostAsJsonAsync($"/api/orders/{orderId}/verify:scan", new { items = lines }, ct), "verify:scan");
                await Ok(await http.PostAsJsonAsync($"/api/orders/{orderId}/weigh", new { weightKg = 0.35 }, ct), "weigh");
            });
        }
    }

    private static async Task<long> CreateAsync(HttpClient http, string path, object body) =>
        (await Ok(await http.PostAsJsonAsync(path, body), path))["id"]!.GetValue<long>();

    private static async Task<JsonObject> Ok(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {text}");
        }

        return string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text) as JsonObject ?? [];
    }
}

/// <summary>What one end-to-end run measured.</summary>
internal sealed record RunFigures(
    string Provider, int Orders, double Seconds, double IntakeSeconds, double OrdersPerSecond, double ServerCpuSeconds, double PeakMemoryMb,
    long DatabaseCommands,
    long DatabaseCommits,
    StageFigures Stages,
    long ShopId,
    DateTime MeasuredSince)
{
    public double CpuMsPerOrder => ServerCpuSeconds * 1000 / Orders;

    public double PeakKbPerOrder => PeakMemoryMb * 1024 / Orders;

    /// <summary>Commands the server sent its database per order, the floor's calls included.</summary>
    public double CommandsPerOrder => (double)DatabaseCommands / Orders;

    public double CommitsPerOrder => (double)DatabaseCommits / Orders;
}
