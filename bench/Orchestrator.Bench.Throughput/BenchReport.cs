using System.Globalization;
using System.Text;
using Orchestrator.Bench.Rules;

namespace Orchestrator.Bench.Throughput;

internal sealed record MachineInfo(int Cores, string Os, string Runtime, string Cpu, DateTime RanAt);

/// <summary>One end-to-end run with its floor and the ratio orchestrator time / floor time.</summary>
internal sealed record RunResult(RunFigures Run, FloorFigures? Floor, double? RatioToFloor);

/// <summary>Everything one bench command measured: printed as one table, written as JSON.</summary>
internal sealed record BenchReport(MachineInfo Machine, IReadOnlyList<RunResult> Runs, IReadOnlyList<RulesFigures> Rules)
{
    public string ToTable()
    {
        var text = new StringBuilder();
        text.AppendLine(Line("database", "orders", "seconds", "orders/s", "floor s", "× floor", "cpu ms/order", "sql/order", "commits/order", "peak MB", "KB/order",
            "e2e p50 s", "e2e p95 s", "e2e p99 s", "journal/order"));
        foreach (var r in Runs)
        {
            var run = r.Run;
            text.AppendLine(Line(run.Provider, N(run.Orders), F(run.Seconds, 1), F(run.OrdersPerSecond, 0), r.Floor is null ? "-" : F(r.Floor.Seconds, 2),
                r.RatioToFloor is null ? "-" : F(r.RatioToFloor.Value, 1), F(run.CpuMsPerOrder, 2), F(run.CommandsPerOrder, 1), F(run.CommitsPerOrder, 1), F(run.PeakMemoryMb, 0), F(run.PeakKbPerOrder, 1),
                F(run.Stages.EndToEndMs.P50 / 1000, 2), F(run.Stages.EndToEndMs.P95 / 1000, 2), F(run.Stages.EndToEndMs.P99 / 1000, 2),
                F((double)run.Stages.JournalEntries / run.Orders, 1)));
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

    private static string F(double value, int digits) => value.ToString("F" + digits, CultureInfo.InvariantCulture);

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
