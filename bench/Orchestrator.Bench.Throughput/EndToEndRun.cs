using System.Diagnostics;

namespace Orchestrator.Bench.Throughput;

/// <summary>
/// One drain run: after the warm-up, the platform simulator pushes <c>orders</c> paid trades to the server's intake
/// webhook in batches as fast as intake takes them; the shop's rules auto-approve them; the workflow reviews, checks
/// stock, allocates, asks the waybill simulator for numbers and waits at picking; the floor (<see cref="FloorPlayer"/>)
/// picks, scans and weighs in waves; the workflow then confirms the shipment to the platform simulator and deducts
/// stock. The clock runs from the first push until the platform has recorded every shipment.
/// </summary>
internal static class EndToEndRun
{
    public static async Task<RunFigures> RunAsync(string repo, BenchDatabase database, int orders, BenchOptions options, TextWriter log)
    {
        await using var session = await BenchSession.StartAsync(repo, database, options, log);
        var shopId = await session.CreateShopAsync("benchshop");
        await session.PushToAsync(shopId);
        var since = DateTime.UtcNow;
        var shippedBefore = await session.ShipmentsAsync();
        var before = await session.SnapshotAsync();
        var clock = Stopwatch.StartNew();
        double intakeSeconds;
        await using (var floor = FloorPlayer.Start(session.Http, shopId, session.Warehouse, options.FloorStations))
        {
            var pushes = Enumerable.Range(0, (orders + options.Batch - 1) / options.Batch)
                .Select(i => Math.Min(options.Batch, orders - (i * options.Batch))).ToList();
            await Parallel.ForEachAsync(pushes, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (count, ct) => await session.PushTradesAsync(count, ct));
            intakeSeconds = clock.Elapsed.TotalSeconds;
            log.WriteLine($"  pushed {orders} orders in {intakeSeconds:F1} s; waiting for every order to ship…");
            await session.WaitForShipmentsAsync(shippedBefore + orders, floor, log);
        }

        clock.Stop();
        var cost = (await session.SnapshotAsync()).Minus(before);
        var peak = session.Server.PeakMemoryMb();
        log.WriteLine($"  all {orders} shipped in {clock.Elapsed.TotalSeconds:F1} s");
        await session.StopServerAsync();
        var stages = await StageLatencies.ReadAsync(database, shopId, since);
        return new RunFigures(database.Provider, orders, clock.Elapsed.TotalSeconds, intakeSeconds, orders / clock.Elapsed.TotalSeconds, cost, peak, stages, shopId, since);
    }
}

/// <summary>What one drain run measured.</summary>
internal sealed record RunFigures(
    string Provider, int Orders, double Seconds, double IntakeSeconds, double OrdersPerSecond, CostSnapshot Cost, double PeakMemoryMb,
    StageFigures Stages,
    long ShopId,
    DateTime MeasuredSince)
{
    public PerOrder PerOrder => new(Cost, Orders);

    public double PeakKbPerOrder => PeakMemoryMb * 1024 / Orders;
}

/// <summary>
/// A run's costs per order: server, bench (driver and simulators) and database server CPU ms; SQL commands and commits
/// (the floor's calls included); the server's JIT time, bytes allocated and GC pauses. <see cref="JitMethods"/> is the
/// window's total, not per order: a steady state compiles next to nothing.
/// </summary>
internal sealed record PerOrder(
    double ServerCpuMs, double BenchCpuMs, double DatabaseCpuMs, double Commands, double Commits, long JitMethods, double JitMs, double AllocatedKb, double GcPauseMs)
{
    public PerOrder(CostSnapshot cost, int orders)
        : this(cost.ServerCpu * 1000 / orders, cost.BenchCpu * 1000 / orders, cost.DatabaseCpu * 1000 / orders, (double)cost.Commands / orders, (double)cost.Commits / orders,
            cost.JitMethods, cost.JitMs / orders, cost.AllocatedBytes / 1024.0 / orders, cost.GcPauseMs / orders)
    {
    }
}
