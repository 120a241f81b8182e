using System.Globalization;
using System.Text;
using Orchestrator.Bench.Rules;

namespace Orchestrator.Bench.Throughput;

internal sealed record MachineInfo(int Cores, string Os, string Runtime, string Cpu, DateTime RanAt);

/// <summary>One end-to-end run with its floor and the ratio orchestrator time / floor time.</summary>
internal sealed record RunResult(RunFigures Run, FloorFigures? Floor, double? RatioToFloor);

/// <summary>Everything one bench command measured: printed as one table, written as JSON.</summary>
internal sealed record BenchReport(MachineInfo Machine, IReadOnlyList<RunResult> Runs, IReadOnlyList<PacedFigures> Paced, IReadOnlyList<RulesFigures> Rules)
{
    /// <summary>The highest offered rate a paced run held (see <see cref="PacedFigures.Held"/>), per database.</summary>
    public IReadOnlyDictionary<string, int> HighestRateHeld => Paced.Where(p => p.Held).GroupBy(p => p.Provider)
        .ToDictionary(g => g.Key, g => g.Max(p => p.OfferedPerSecond));

    public string ToTable()
    {
        var text = new StringBuilder();
        text.AppendLine("drain runs (costs per order; cpu: server / driver and simulators / database server, ms; the server's runtime: methods JIT-compiled in the window, and per order JIT ms, KB allocated, GC pause ms):");
        text.AppendLine(Line("database", "orders", "seconds", "orders/s", "floor s", "× floor", "server cpu", "bench cpu", "db cpu", "sql/order", "commits/order", "peak MB", "KB/order",
            "intake→pick p99 ms", "e2e p50 s", "e2e p95 s", "e2e p99 s", "journal/order", "jit methods", "jit ms", "alloc KB", "gc pause ms"));
        foreach (var r in Runs)
        {
            var run = r.Run;
            var cost = run.PerOrder;
            text.AppendLine(Line(run.Provider, N(run.Orders), F(run.Seconds, 1), F(run.OrdersPerSecond, 0), r.Floor is null ? "-" : F(r.Floor.Seconds, 2),
                r.RatioToFloor is null ? "-" : F(r.RatioToFloor.Value, 1), F(cost.ServerCpuMs, 2), F(cost.BenchCpuMs, 2), F(cost.DatabaseCpuMs, 2),
                F(cost.Commands, 1), F(cost.Commits, 1), F(run.PeakMemoryMb, 0), F(run.PeakKbPerOrder, 1), F(run.Stages.IntakeToPickWaitMs.P99, 0),
                F(run.Stages.EndToEndMs.P50 / 1000, 2), F(run.Stages.EndToEndMs.P95 / 1000, 2), F(run.Stages.EndToEndMs.P99 / 1000, 2),
                F((double)run.Stages.JournalEntries / run.Orders, 1), N((int)cost.JitMethods), F(cost.JitMs, 2), F(cost.AllocatedKb, 0), F(cost.GcPauseMs, 2)));
        }

        if (Paced.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"paced runs (held: intake takes ≥ 95% of the offered rate and p99 intake→waiting at picking < {PacedRun.HeldP99Ms:F0} ms):");
            text.AppendLine(Line("database", "offered/s", "taken/s", "window s", "server cpu", "bench cpu", "db cpu", "sql/order", "commits/order", "peak MB",
                "intake→pick p50 ms", "p95 ms", "p99 ms", "held", "jit methods", "jit ms", "alloc KB", "gc pause ms"));
            foreach (var p in Paced)
            {
                text.AppendLine(Line(p.Provider, N(p.OfferedPerSecond), F(p.AcceptedPerSecond, 0), F(p.Seconds, 1), F(p.PerOrder.ServerCpuMs, 2), F(p.PerOrder.BenchCpuMs, 2),
                    F(p.PerOrder.DatabaseCpuMs, 2), F(p.PerOrder.Commands, 1), F(p.PerOrder.Commits, 1), F(p.PeakMemoryMb, 0),
                    F(p.IntakeToPickWaitMs.P50, 0), F(p.IntakeToPickWaitMs.P95, 0), F(p.IntakeToPickWaitMs.P99, 0), p.Held ? "yes" : "no",
                    N((int)p.PerOrder.JitMethods), F(p.PerOrder.JitMs, 2), F(p.PerOrder.AllocatedKb, 0), F(p.PerOrder.GcPauseMs, 2)));
            }

            foreach (var provider in Paced.Select(p => p.Provider).Distinct())
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"highest rate held, {provider}: {(HighestRateHeld.TryGetValue(provider, out var held) ? N(held) + " orders/s" : "none of those offered")}");
            }
        }

        foreach (var r in Runs.GroupBy(r => r.Run.Provider).Select(g => g.MaxBy(r => r.Run.Orders)!))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"latency per stage, {r.Run.Provider}, {N(r.Run.Orders)} orders (ms, from the instance's previous journal entry; :Suspended = waiting):");
            text.AppendLine(Line("stage", "p50", "p95", "p99", "max"));
            foreach (var stage in r.Run.Stages.Stages)
            {
                text.AppendLine(Line(stage.Stage, F(stage.Ms.P50, 1), F(stage.Ms.P95, 1), F(stage.Ms.P99, 1), F(stage.Ms.Max, 1)));
            }
        }

        if (Rules.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(Line("rules per shop", "orders", "p50 ms", "p95 ms", "p99 ms", "orders/s (1 thread)", "orders/s (parallel)"));
            foreach (var rules in Rules)
            {
                text.AppendLine(Line(N(rules.RuleCount), N(rules.Orders), F(rules.P50Ms, 3), F(rules.P95Ms, 3), F(rules.P99Ms, 3),
                    F(rules.OrdersPerSecondSerial, 0), F(rules.OrdersPerSecondParallel, 0)));
            }
        }

        return text.ToString();
    }

    private static string Line(params string[] cells) => "| " + string.Join(" | ", cells) + " |";

    private static string F(double value, int digits) =>
        double.IsPositiveInfinity(value) ? "∞" : double.IsNaN(value) ? "n/a" : value.ToString("F" + digits, CultureInfo.InvariantCulture);

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
