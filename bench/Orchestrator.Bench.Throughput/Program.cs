using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Orchestrator.Bench.Rules;
using Orchestrator.Bench.Throughput;

// End-to-end throughput of the real server (SQLite, and PostgreSQL when given), the floor of the same rows written by
// plain batched ADO.NET, their ratio, latency per stage, paced load at offered rates (the highest held), and rules
// evaluation with 10 and 100 rules per shop.
// Run: dotnet run -c Release --project bench/Orchestrator.Bench.Throughput -- --orders 1000,10000 --rates 200,500,1000 [--postgres "<conn>"]
// The floor's lists over a deep backlog instead: ... -- --lists 100000 (SQLite).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var repo = RepositoryRoot.Find();
var machine = new MachineInfo(Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription,
    CpuModel(), DateTime.UtcNow);
Console.WriteLine($"machine: {machine.Cores} cores, {machine.Cpu}, {machine.Os}, {machine.Runtime}");
if (options.Lists is { } backlog)
{
    Console.WriteLine($"SQLite, lists over {backlog:N0} orders ({machine.RanAt:yyyy-MM-dd}):");
    await ListsBench.RunAsync(repo, backlog, Console.Out);
    return 0;
}

var runs = new List<RunResult>();
var providers = new List<(Func<Task<BenchDatabase>> Create, IReadOnlyList<int> Scales)> { (() => Task.FromResult(BenchDatabase.Sqlite()), options.Scales) };
if (!string.IsNullOrWhiteSpace(options.Postgres))
{
    providers.Add((() => BenchDatabase.PostgreSqlAsync(options.Postgres), options.PostgresScales));
}

foreach (var (create, scales) in providers)
{
    foreach (var orders in scales)
    {
        await using var database = await create();
        Console.WriteLine($"{database.Provider}, {orders} orders:");
        var run = await EndToEndRun.RunAsync(repo, database, orders, options, Console.Out);
        FloorFigures? floor = null;
        if (options.Floor)
        {
            floor = await FloorBaseline.MeasureAsync(database, run.ShopId, run.MeasuredSince);
            Console.WriteLine($"  floor: {floor.Rows} rows in {floor.Seconds:F2} s");
        }

        runs.Add(new RunResult(run, floor, floor is null ? null : run.Seconds / floor.Seconds));
    }
}

var paced = new List<PacedFigures>();
foreach (var rate in options.Rates)
{
    await using var database = BenchDatabase.Sqlite();
    Console.WriteLine($"SQLite, {rate} orders/s offered for {options.PacedSeconds} s:");
    var run = await PacedRun.RunAsync(repo, database, rate, options, Console.Out);
    paced.Add(run);
    if (!run.Held)
    {
        break; // a higher rate will not be held either
    }
}

var rules = new List<RulesFigures>();
if (options.Rules)
{
    foreach (var count in new[] { 10, 100 })
    {
        rules.Add(await RulesBenchmark.MeasureAsync(count, 10_000));
    }
}

var report = new BenchReport(machine, runs, paced, rules);
Console.WriteLine();
Console.Write(report.ToTable());
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
await File.WriteAllTextAsync(options.Output, JsonSerializer.Serialize(report, new JsonSerializerOptions
{
    WriteIndented = true,
    NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals, // an order that never reached picking is ∞ late
}));
Console.WriteLine($"written: {Path.GetFullPath(options.Output)}");
return 0;

static string CpuModel() =>
    File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
        : "?";
