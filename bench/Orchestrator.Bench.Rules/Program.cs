using System.Globalization;
using Orchestrator.Bench.Rules;

// Rules per shop (default 100) over 10,000 generated orders: per-order latency and throughput, compile time per version,
// compiled by the system expression compiler and by FastExpressionCompiler in the same run, with the ratios.
var ruleCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
const int OrderCount = 10_000;
var culture = CultureInfo.InvariantCulture;
var system = await RulesBenchmark.MeasureAsync(ruleCount, OrderCount, fastExpressionCompiler: false);
var fast = await RulesBenchmark.MeasureAsync(ruleCount, OrderCount, fastExpressionCompiler: true);
Console.WriteLine(string.Create(culture, $"rules per set: {fast.RuleCount}, orders: {fast.Orders}, cores: {Environment.ProcessorCount}"));
foreach (var (name, figures) in new[] { ("system compiler", system), ("FastExpressionCompiler", fast) })
{
    Console.WriteLine($"-- {name}");
    Console.WriteLine(string.Create(culture, $"compile per version (ms): {string.Join(", ", figures.CompileMs.Select(t => t.ToString("F1", culture)))} (first includes JIT)"));
    Console.WriteLine(string.Create(culture, $"latency per order (ms): p50 {figures.P50Ms:F3}, p95 {figures.P95Ms:F3}, p99 {figures.P99Ms:F3}, max {figures.MaxMs:F3}"));
    Console.WriteLine(string.Create(culture, $"throughput: {figures.OrdersPerSecondSerial:F0} orders/s on one thread, {figures.OrdersPerSecondParallel:F0} orders/s in parallel"));
    Console.WriteLine("verdicts: " + string.Join(", ", figures.Verdicts.Select(v => $"{v.Key} {v.Value}")));
}

// Versions after the first: the first pays for JIT in whichever run goes first.
static double WarmCompile(RulesFigures f) => f.CompileMs.Skip(1).Average();
Console.WriteLine(string.Create(culture, $"fast / system: compile {WarmCompile(fast) / WarmCompile(system):F2}x the time, p50 evaluate {fast.P50Ms / system.P50Ms:F2}x, serial throughput {fast.OrdersPerSecondSerial / system.OrdersPerSecondSerial:F2}x"));
