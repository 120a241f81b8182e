using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Bench.Throughput;

/// <summary>
/// What every run starts from: the simulators, the real server on a fresh database, a signed-in client, a warehouse
/// and carrier with stock for any run, and a time-based warm-up through a shop of its own (JIT, pools, caches), played
/// end to end as the measured run is, so the measured window sees the steady state.
/// </summary>
internal sealed class BenchSession : IAsyncDisposable
{
    public static readonly string[] Codes = ["BENCH-TEA-LJ", "BENCH-TEA-BLC", "BENCH-CUP", "BENCH-BOX", "BENCH-TEA-PE"];

    private readonly Simulators _simulators;
    private bool _disposed;

    private BenchSession(Simulators simulators, ServerUnderTest server, HttpClient http, HttpClient platform, BenchDatabase database, BenchOptions options)
    {
        _simulators = simulators;
        Server = server;
        Http = http;
        Platform = platform;
        Database = database;
        Options = options;
    }

    public ServerUnderTest Server { get; }

    /// <summary>Signed in as the bench's admin, who plays every role.</summary>
    public HttpClient Http { get; }

    /// <summary>The platform simulator's admin API: trades pushed, shipments counted.</summary>
    public HttpClient Platform { get; }

    public BenchDatabase Database { get; }

    public BenchOptions Options { get; }

    public long Warehouse { get; private set; }

    public long Carrier { get; private set; }

    public static async Task<BenchSession> StartAsync(string repo, BenchDatabase database, BenchOptions options, TextWriter log)
    {
        var simulators = await Simulators.StartAsync();
        var settings = new Dictionary<string, string>(database.ServerSettings)
        {
            ["Waybill__BaseUrl"] = simulators.Waybill.ToString().TrimEnd('/'),
        };
        foreach (var shop in new[] { "benchwarm", "benchshop" })
        {
            settings[$"Platforms__{shop}__BaseUrl"] = simulators.Platform.ToString().TrimEnd('/');
            settings[$"Platforms__{shop}__Session"] = shop;
        }

        ServerUnderTest server;
        try
        {
            server = await ServerUnderTest.StartAsync(repo, settings);
        }
        catch
        {
            await simulators.DisposeAsync();
            throw;
        }

        var session = new BenchSession(simulators, server, await server.SignedInClientAsync(),
            new HttpClient { BaseAddress = simulators.Platform, Timeout = TimeSpan.FromMinutes(5) }, database, options);
        try
        {
            await session.SetUpStockAsync();
            if (options.WarmupSeconds > 0)
            {
                var warmed = await session.WarmUpAsync(TimeSpan.FromSeconds(options.WarmupSeconds));
                log.WriteLine($"  warmed up for {warmed.Took.TotalSeconds:F0} s ({warmed.Orders} orders shipped; the server JIT-compiled {warmed.JitMethodsLastFiveSeconds} methods in its last 5 s)");
            }

            return session;
        }
        catch
        {
            // A set-up that fails must not leave the server running (and costing CPU) after the bench exits.
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>How many shipments the platform simulator has recorded: the end of every order's lifecycle.</summary>
    public async Task<int> ShipmentsAsync(CancellationToken ct = default) =>
        (await Platform.GetFromJsonAsync<JsonObject>("/admin/shipments/count", ct))!["count"]!.GetValue<int>();

    /// <summary>Points the simulator's pushes at the shop's intake webhook, with an API key of that shop.</summary>
    public async Task PushToAsync(long shopId)
    {
        var key = await Ok(await Http.PostAsJsonAsync($"/api/shops/{shopId}/api-keys", new { name = "bench-push-" + Guid.NewGuid().ToString("N")[..6] }), "api key");
        await Ok(await Platform.PutAsJsonAsync("/admin/push-url", new JsonObject
        {
            ["url"] = new Uri(Server.BaseAddress, $"/api/shops/{shopId}/orders:batch").ToString(),
            ["api_key"] = key["key"]!.GetValue<string>(),
        }), "push-url");
    }

    /// <summary>Has the simulator make <paramref name="count"/> paid trades and push them to the shop's intake; returns once intake acknowledged them.</summary>
    public async Task PushTradesAsync(int count, CancellationToken ct = default) =>
        await Ok(await Platform.PostAsJsonAsync("/admin/trades", new Dictionary<string, object> { ["generate"] = count, ["outer_sku_ids"] = Codes }, ct), "push trades");

    /// <summary>Counters of the server, this process (driver and simulators), the database server and the database commands, at one moment.</summary>
    public async Task<CostSnapshot> SnapshotAsync()
    {
        var counts = await Http.GetFromJsonAsync<JsonObject>("/api/system/database")
            ?? throw new InvalidOperationException("GET /api/system/database answered nothing.");
        var runtime = await Http.GetFromJsonAsync<JsonObject>("/api/system/runtime")
            ?? throw new InvalidOperationException("GET /api/system/runtime answered nothing.");
        return new CostSnapshot(Server.CpuSeconds(), ProcessCpu.OwnSeconds(), Database.ServerCpuSeconds(), (long)counts["commands"]!, (long)counts["commits"]!,
            (long)runtime["jitCompiledMethods"]!, (double)runtime["jitCompilationMs"]!, (long)runtime["allocatedBytes"]!, (double)runtime["gcPauseMs"]!);
    }

    /// <summary>A shop on the platform simulator whose ten rules (nine that block rare orders, one that approves the rest) auto-approve the bench's orders.</summary>
    public async Task<long> CreateShopAsync(string code)
    {
        var shop = await CreateAsync("/api/shops", new
        {
            code,
            name = "压测店铺 " + code,
            platform = "taobao",
            defaultWarehouseId = Warehouse,
            defaultLogisticsCompanyId = Carrier,
        });
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
            await Ok(await Http.PostAsJsonAsync($"/api/shops/{shop}/rules", new { version, rule }), "add rule");
            version++;
        }

        return shop;
    }

    /// <summary>
    /// Pushes batches to a warm-up shop for at least <paramref name="duration"/>, never more than two batches ahead of
    /// what has shipped (so the warm-up runs at the server's own pace and needs no long drain), then waits until all
    /// shipped. It goes on past <paramref name="duration"/> (up to three times it) while the server's JIT is still busy:
    /// tiered compilation keeps recompiling hot methods for tens of seconds on two busy cores, and a window that starts
    /// before it settles measures the compiler (half of the server's CPU in a 2,000-order window after 15 s), not the
    /// steady state. Settled means fewer than <see cref="SettledJitMethods"/> methods compiled in the last five seconds.
    /// </summary>
    private async Task<WarmUp> WarmUpAsync(TimeSpan duration)
    {
        var shop = await CreateShopAsync("benchwarm");
        await PushToAsync(shop);
        await using var floor = FloorPlayer.Start(Http, shop, Warehouse, Options.FloorStations);
        var clock = Stopwatch.StartNew();
        var pushed = 0;
        var shipped = 0;
        var jit = new Queue<(TimeSpan At, long Methods)>();
        var lastFive = long.MaxValue;
        while (clock.Elapsed < duration || (lastFive >= SettledJitMethods && clock.Elapsed < 3 * duration))
        {
            var methods = await JitMethodsAsync();
            jit.Enqueue((clock.Elapsed, methods));
            while (jit.Count > 1 && clock.Elapsed - jit.Peek().At > TimeSpan.FromSeconds(5))
            {
                lastFive = methods - jit.Dequeue().Methods;
            }

            if (pushed - shipped < 2 * Options.Batch)
            {
                await PushTradesAsync(Options.Batch);
                pushed += Options.Batch;
            }
            else
            {
                await Task.Delay(50);
            }

            shipped = await ShipmentsAsync();
            floor.ThrowIfFaulted();
        }

        await WaitForShipmentsAsync(pushed, floor, TextWriter.Null);
        return new WarmUp(pushed, clock.Elapsed, lastFive);
    }

    /// <summary>Fewer methods than this compiled in five seconds is a settled JIT (see <see cref="WarmUpAsync"/>).</summary>
    private const long SettledJitMethods = 100;

    private async Task<long> JitMethodsAsync() =>
        (long)(await Http.GetFromJsonAsync<JsonObject>("/api/system/runtime"))!["jitCompiledMethods"]!;

    /// <summary>What the warm-up did: orders shipped, for how long, and the methods the server compiled in its last five seconds.</summary>
    private sealed record WarmUp(int Orders, TimeSpan Took, long JitMethodsLastFiveSeconds);

    /// <summary>Waits until the platform has recorded <paramref name="total"/> shipments; a minute without one is a stall, reported with the server's log.</summary>
    public async Task WaitForShipmentsAsync(int total, FloorPlayer floor, TextWriter log)
    {
        var shipped = 0;
        var last = -1;
        var progress = Stopwatch.StartNew();
        var report = Stopwatch.StartNew();
        while (shipped < total)
        {
            await Task.Delay(100);
            shipped = await ShipmentsAsync();
            floor.ThrowIfFaulted();
            if (shipped != last)
            {
                last = shipped;
                progress.Restart();
            }
            else if (progress.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"Nothing shipped for 60 s ({shipped}/{total}).\nserver log:\n{Server.Tail()}");
            }

            if (report.Elapsed > TimeSpan.FromSeconds(10))
            {
                log.WriteLine($"    {shipped}/{total} shipped");
                report.Restart();
            }
        }
    }

    /// <summary>A warehouse, a carrier and five goods with stock for any run.</summary>
    private async Task SetUpStockAsync()
    {
        Warehouse = await CreateAsync("/api/warehouses", new { code = "BENCH-WH", name = "压测仓", province = "浙江省", city = "杭州市", address = "文一西路1号" });
        Carrier = await CreateAsync("/api/logistics-companies", new { code = "SF", name = "顺丰速运", platformLogisticsCode = "SF", waybillProvider = "SF" });
        for (var i = 0; i < Codes.Length; i++)
        {
            await CreateAsync("/api/goods", new { merchantCode = Codes[i], barcode = $"69000000{i:D5}", name = $"压测商品{i}", weightKg = 0.3, price = 99 });
        }

        await Ok(await Http.PostAsJsonAsync($"/api/warehouses/{Warehouse}/stock:adjust", new
        {
            reason = "压测入库",
            items = Codes.Select(c => new { merchantCode = c, delta = 1_000_000 }).ToArray(),
        }), "stock:adjust");
    }

    private async Task<long> CreateAsync(string path, object body) =>
        (await Ok(await Http.PostAsJsonAsync(path, body), path))["id"]!.GetValue<long>();

    public static async Task<JsonObject> Ok(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {text}");
        }

        return string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text) as JsonObject ?? [];
    }

    /// <summary>Stops the server (so the database can be read whole) but keeps the simulators, as when a run's figures are read.</summary>
    public Task StopServerAsync() => Server.DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Http.Dispose();
        Platform.Dispose();
        await Server.DisposeAsync();
        await _simulators.DisposeAsync();
    }
}

/// <summary>
/// CPU seconds of the server, of this process (driver and simulators) and of the database server (0 for SQLite, in the
/// server); the server's database command and commit counts; and its runtime's: methods JIT-compiled and the time spent
/// compiling, bytes allocated, GC pause time.
/// </summary>
internal sealed record CostSnapshot(
    double ServerCpu, double BenchCpu, double DatabaseCpu, long Commands, long Commits, long JitMethods, double JitMs, long AllocatedBytes, double GcPauseMs)
{
    public CostSnapshot Minus(CostSnapshot earlier) =>
        new(ServerCpu - earlier.ServerCpu, BenchCpu - earlier.BenchCpu, DatabaseCpu - earlier.DatabaseCpu, Commands - earlier.Commands, Commits - earlier.Commits,
            JitMethods - earlier.JitMethods, JitMs - earlier.JitMs, AllocatedBytes - earlier.AllocatedBytes, GcPauseMs - earlier.GcPauseMs);
}
