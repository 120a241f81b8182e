using System.Diagnostics;
using Orchestrator.Bench.Rules;

namespace Orchestrator.Bench.Throughput;

/// <summary>
/// One paced run: after the warm-up, the platform simulator offers <c>rate</c> orders a second (a push every 100 ms,
/// at most eight pushes awaiting intake's answer; a server that cannot take them makes the pushes fall behind) for
/// the run's seconds, while the floor works in waves. Costs are measured over the window after a two-second ramp; the
/// rate is held when intake took at least 95% of what was offered and p99 from intake to waiting at picking is under
/// 250 ms, counting an order received in the window that never reached picking as infinitely late.
/// </summary>
internal static class PacedRun
{
    public static readonly TimeSpan Ramp = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    public const double HeldP99Ms = 250;

    public static async Task<PacedFigures> RunAsync(string repo, BenchDatabase database, int rate, BenchOptions options, TextWriter log)
    {
        await using var session = await BenchSession.StartAsync(repo, database, options, log);
        var shopId = await session.CreateShopAsync("benchshop");
        await session.PushToAsync(shopId);
        var window = TimeSpan.FromSeconds(options.PacedSeconds);
        using var inFlight = new SemaphoreSlim(8);
        var pushes = new List<Task>();
        var acknowledged = 0;
        var acknowledgedAtRamp = 0;
        CostSnapshot? atRamp = null;
        DateTime measuredFrom = default;
        var owed = 0.0;
        DateTime measuredUntil;
        CostSnapshot cost;
        int taken;
        double peak;
        await using (var floor = FloorPlayer.Start(session.Http, shopId, session.Warehouse, options.FloorStations))
        {
            var clock = Stopwatch.StartNew();
            for (var tick = 1; clock.Elapsed < Ramp + window; tick++)
            {
                var due = Tick * tick - clock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }

                if (atRamp is null && clock.Elapsed >= Ramp)
                {
                    acknowledgedAtRamp = Volatile.Read(ref acknowledged);
                    measuredFrom = DateTime.UtcNow;
                    atRamp = await session.SnapshotAsync();
                }

                owed += rate * Tick.TotalSeconds;
                var count = (int)owed;
                owed -= count;
                await inFlight.WaitAsync();
                pushes.Add(Task.Run(async () =>
                {
                    try
                    {
                        await session.PushTradesAsync(count);
                        Interlocked.Add(ref acknowledged, count);
                    }
                    finally
                    {
                        inFlight.Release();
                    }
                }));
                floor.ThrowIfFaulted();
            }

            measuredUntil = DateTime.UtcNow;
            cost = (await session.SnapshotAsync()).Minus(atRamp!);
            taken = Volatile.Read(ref acknowledged) - acknowledgedAtRamp;
            await Task.WhenAll(pushes);
            peak = session.Server.PeakMemoryMb();
        }

        await session.StopServerAsync();
        var latencies = await StageLatencies.IntakeToPickWaitAsync(database, shopId, measuredFrom, measuredUntil.AddSeconds(-1));
        var seconds = (measuredUntil - measuredFrom).TotalSeconds;
        var figures = new PacedFigures(database.Provider, rate, taken / seconds, seconds, taken, new PerOrder(cost, Math.Max(1, taken)), peak, latencies);
        log.WriteLine($"  offered {rate}/s, intake took {figures.AcceptedPerSecond:F0}/s; intake→picking p99 {figures.IntakeToPickWaitMs.P99:F0} ms: {(figures.Held ? "held" : "not held")}");
        return figures;
    }
}

/// <summary>What one paced run measured over its window.</summary>
internal sealed record PacedFigures(
    string Provider, int OfferedPerSecond, double AcceptedPerSecond, double Seconds, int Orders, PerOrder PerOrder, double PeakMemoryMb, Percentiles IntakeToPickWaitMs)
{
    public bool Held => AcceptedPerSecond >= 0.95 * OfferedPerSecond && IntakeToPickWaitMs.P99 < PacedRun.HeldP99Ms;
}
