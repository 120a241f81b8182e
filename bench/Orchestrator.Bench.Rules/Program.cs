using System.Globalization;
using Orchestrator.Bench.Rules;

// Rules per shop (default 100) over 10,000 generated orders: per-order latency and throughput, compile time per version.
var ruleCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
const int OrderCount = 10_000;
var figures = await RulesBenchmark.MeasureAsync(ruleCount, OrderCount);
var culture = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(culture, $"rules per set: {figures.RuleCount}, orders: {figures.Orders}, cores: {Environment.ProcessorCount}"));
Console.WriteLine(string.Create(culture, $"compile per version (ms): {string.Join(", ", figures.CompileMs.Select(t => t.ToString("F1", culture)))} (first includes JIT)"));
Console.WriteLine(string.Create(culture, $"latency per order (ms): p50 {figures.P50Ms:F3}, p95 {figures.P95Ms:F3}, p99 {figures.P99Ms:F3}, max {figures.MaxMs:F3}"));
Console.WriteLine(string.Create(culture, $"throughput: {figures.OrdersPerSecondSerial:F0} orders/s on one thread, {figures.OrdersPerSecondParallel:F0} orders/s in parallel"));
Console.WriteLine("verdicts: " + string.Join(", ", figures.Verdicts.Select(v => $"{v.Key} {v.Value}")));
