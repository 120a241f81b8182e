using System.Globalization;

namespace Orchestrator.Bench.Throughput;

/// <summary>
/// Command line: <c>--orders 1000,10000</c> (scales), <c>--postgres "Host=…;Username=…;Database=postgres"</c> (adds the
/// PostgreSQL runs; the role must be allowed to create databases), <c>--postgres-orders 1000,10000</c> (its scales, when
/// they differ from SQLite's), <c>--out path.json</c>, <c>--no-floor</c>,
/// <c>--no-rules</c>, <c>--batch 200</c> (orders per simulator push), <c>--warmup 200</c> (orders through a shop of their own before the clock);
/// <c>--lists 100000</c> times the floor's lists over that many seeded orders instead (see <see cref="ListsBench"/>).
/// </summary>
internal sealed record BenchOptions(
    IReadOnlyList<int> Scales, IReadOnlyList<int> PostgresScales, string? Postgres, string Output, bool Floor, bool Rules, int Batch, int FloorParallelism, int Warmup, int? Lists)
{
    public static BenchOptions Parse(string[] args)
    {
        var scales = new List<int> { 1_000, 10_000 };
        List<int>? postgresScales = null;
        string? postgres = Environment.GetEnvironmentVariable("ORCHESTRATOR_BENCH_POSTGRES");
        var output = Path.Combine("artifacts", "bench", "throughput.json");
        var floor = true;
        var rules = true;
        var batch = 200;
        var floorParallelism = 16;
        var warmup = 200;
        int? lists = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--orders": scales = ParseScales(Next()); break;
                case "--postgres-orders": postgresScales = ParseScales(Next()); break;
                case "--postgres": postgres = Next(); break;
                case "--out": output = Next(); break;
                case "--no-floor": floor = false; break;
                case "--no-rules": rules = false; break;
                case "--batch": batch = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--lists": lists = ParseScales(Next()).Single(); break;
                case "--floor-parallelism": floorParallelism = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown option {args[i]}. Options: --orders 1000,10000 --postgres <conn> --postgres-orders 1000 --out <file> --no-floor --no-rules --batch N --lists 100000");
            }
        }

        if (batch is < 1 or > 500)
        {
            throw new ArgumentException("--batch is between 1 and 500 (the intake batch limit).");
        }

        return new BenchOptions(scales, postgresScales ?? scales, postgres, output, floor, rules, batch, floorParallelism, warmup, lists);
    }

    private static List<int> ParseScales(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(s => int.Parse(s.Replace("k", "000", StringComparison.OrdinalIgnoreCase), CultureInfo.InvariantCulture)).ToList();
}
