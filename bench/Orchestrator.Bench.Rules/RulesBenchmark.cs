using System.Diagnostics;
using Orchestrator.Rules;

namespace Orchestrator.Bench.Rules;

/// <summary>Per-order review-rule evaluation with <c>ruleCount</c> rules per shop over generated orders.</summary>
public static class RulesBenchmark
{
    public static async Task<RulesFigures> MeasureAsync(int ruleCount, int orderCount, bool fastExpressionCompiler = true, int versions = 5, int seed = 20261111)
    {
        var random = new Random(seed);
        var now = new DateTime(2026, 11, 11, 8, 0, 0, DateTimeKind.Utc);
        var compileTimes = new List<double>();
        CompiledRuleSet? compiled = null;
        for (var v = 1; v <= versions; v++)
        {
            var set = BenchData.RuleSet(ruleCount, random);
            var stopwatch = Stopwatch.StartNew();
            compiled = RuleSetCompiler.Compile(set, fastExpressionCompiler: fastExpressionCompiler);
            compileTimes.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        var orders = Enumerable.Range(0, orderCount).Select(i => BenchData.Order(i, random, now)).ToList();
        for (var i = 0; i < Math.Min(200, orderCount); i++)
        {
            await compiled!.EvaluateAsync(orders[i], now);
        }

        var latencies = new double[orderCount];
        var verdicts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var total = Stopwatch.StartNew();
        for (var i = 0; i < orderCount; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var evaluation = await compiled!.EvaluateAsync(orders[i], now);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var verdict = evaluation.Verdict.ToString();
            verdicts[verdict] = verdicts.GetValueOrDefault(verdict) + 1;
        }

        total.Stop();
        var parallel = Stopwatch.StartNew();
        await Parallel.ForEachAsync(orders, async (order, _) => await compiled!.EvaluateAsync(order, now));
        parallel.Stop();

        var sorted = Percentiles.Of(latencies);
        return new RulesFigures(ruleCount, orderCount, compileTimes, sorted.P50, sorted.P95, sorted.P99, sorted.Max,
            orderCount / total.Elapsed.TotalSeconds, orderCount / parallel.Elapsed.TotalSeconds, verdicts);
    }
}

/// <summary>One rules measurement: compile time per version (the first includes JIT), per-order latency in ms, throughput.</summary>
public sealed record RulesFigures(
    int RuleCount,
    int Orders,
    IReadOnlyList<double> CompileMs,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    double OrdersPerSecondSerial,
    double OrdersPerSecondParallel,
    IReadOnlyDictionary<string, int> Verdicts);

/// <summary>Nearest-rank percentiles of a sample.</summary>
public sealed record Percentiles(double P50, double P95, double P99, double Max, int Count)
{
    public static Percentiles Of(IEnumerable<double> sample)
    {
        var sorted = sample.ToArray();
        Array.Sort(sorted);
        if (sorted.Length == 0)
        {
            return new Percentiles(0, 0, 0, 0, 0);
        }

        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(At(0.50), At(0.95), At(0.99), sorted[^1], sorted.Length);
    }
}
