using System.Diagnostics;
using System.Globalization;
using Orchestrator.Bench.Rules;
using Orchestrator.Rules;

// 100 rules per shop, 10,000 generated orders: per-order latency and throughput, and compile time per rule-set version.
const int RuleCount = 100;
const int OrderCount = 10_000;
const int Versions = 5;
var random = new Random(20261111);
var now = new DateTime(2026, 11, 11, 8, 0, 0, DateTimeKind.Utc);

var compileTimes = new List<double>();
CompiledRuleSet? compiled = null;
for (var v = 1; v <= Versions; v++)
{
    var set = BenchData.RuleSet(RuleCount, random);
    var stopwatch = Stopwatch.StartNew();
    compiled = RuleSetCompiler.Compile(set);
    compileTimes.Add(stopwatch.Elapsed.TotalMilliseconds);
}

var orders = Enumerable.Range(0, OrderCount).Select(i => BenchData.Order(i, random, now)).ToList();
for (var i = 0; i < 200; i++)
{
    await compiled!.EvaluateAsync(orders[i], now);
}

var latencies = new double[OrderCount];
var verdicts = new Dictionary<RuleVerdict, int>();
var total = Stopwatch.StartNew();
for (var i = 0; i < OrderCount; i++)
{
    var started = Stopwatch.GetTimestamp();
    var evaluation = await compiled!.EvaluateAsync(orders[i], now);
    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    verdicts[evaluation.Verdict] = verdicts.GetValueOrDefault(evaluation.Verdict) + 1;
}

total.Stop();
var parallel = Stopwatch.StartNew();
await Parallel.ForEachAsync(orders, async (order, _) => await compiled!.EvaluateAsync(order, now));
parallel.Stop();

Array.Sort(latencies);
double P(double q) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
var culture = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(culture, $"rules per set: {RuleCount}, orders: {OrderCount}, cores: {Environment.ProcessorCount}"));
Console.WriteLine(string.Create(culture, $"compile per version (ms): {string.Join(", ", compileTimes.Select(t => t.ToString("F1", culture)))} (first includes JIT)"));
Console.WriteLine(string.Create(culture, $"latency per order (ms): p50 {P(0.50):F3}, p95 {P(0.95):F3}, p99 {P(0.99):F3}, max {latencies[^1]:F3}"));
Console.WriteLine(string.Create(culture, $"throughput: {OrderCount / total.Elapsed.TotalSeconds:F0} orders/s on one thread, {OrderCount / parallel.Elapsed.TotalSeconds:F0} orders/s in parallel"));
Console.WriteLine("verdicts: " + string.Join(", ", verdicts.OrderBy(v => v.Key).Select(v => $"{v.Key} {v.Value}")));
