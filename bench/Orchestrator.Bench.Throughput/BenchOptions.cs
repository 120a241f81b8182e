using System.Globalization;

namespace Orchestrator.Bench.Throughput;

/// <summary>
/// Command line: <c>--orders 1000,10000</c> (drain runs' scales; <c>none</c> skips them), <c>--rates 200,500,1000</c> (paced runs' offered
/// orders a second, ascending; <c>none</c> skips them), <c>--paced-seconds 20</c> (each paced run's window),
/// <c>--postgres "Host=…;Username=…;Database=postgres"</c> (adds the PostgreSQL drain runs; the role must be allowed to
/// create databases), <c>--postgres-orders 1000,10000</c> (their scales, when they differ from SQLite's),
/// <c>--out path.json</c>, <c>--no-floor</c>, <c>--no-rules</c>, <c>--batch 200</c> (orders per simulator push),
/// <c>--warmup 20</c> (seconds of warm-up through a shop of its own before each run's clock), <c>--floor-stations 2</c>
/// (floor stations working waves at once); <c>--lists 100000</c> times the floor's lists over that many seeded orders
/// instead (see <see cref="ListsBench"/>).
/// </summary>
internal sealed record BenchOptions(
    IReadOnlyList<int> Scales, IReadOnlyList<int> PostgresScales, IReadOnlyList<int> Rates, int PacedSeconds, string? Postgres, string Output,
    bool Floor, bool Rules, int Batch, int FloorStations, int WarmupSeconds, int? Lists)
{
    public static BenchOptions Parse(string[] args)
    {
        var scales = new List<int> { 1_000, 10_000 };
        List<int>? postgresScales = null;
        var rates = new List<int> { 200, 500, 1_000 };
        var pacedSeconds = 20;
        string? postgres = Environment.GetEnvironmentVariable("ORCHESTRATOR_BENCH_POSTGRES");
        var output = Path.Combine("artifacts", "bench", "throughput.json");
        var floor = true;
        var rules = true;
        var batch = 200;
        var floorStations = 2;
        var warmup = 20;
        int? lists = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--orders": scales = Next() is var orders && orders == "none" ? [] : ParseScales(orders); break;
                case "--postgres-orders": postgresScales = ParseScales(Next()); break;
                case "--rates": rates = Next() is var text && text == "none" ? [] : ParseScales(text); break;
                case "--paced-seconds": pacedSeconds = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--postgres": postgres = Next(); break;
                case "--out": output = Next(); break;
                case "--no-floor": floor = false; break;
                case "--no-rules": rules = false; break;
                case "--batch": batch = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--lists": lists = ParseScales(Next()).Single(); break;
                case "--floor-stations": floorStations = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}. Options: --orders 1000,10000 --rates 200,500,1000|none --paced-seconds 20 --postgres <conn> "
                        + "--postgres-orders 1000 --out <file> --no-floor --no-rules --batch N --warmup SECONDS --floor-stations N --lists 100000");
            }
        }

        if (batch is < 1 or > 500)
        {
            throw new ArgumentException("--batch is between 1 and 500 (the intake batch limit).");
        }

        if (floorStations < 1 || pacedSeconds < 1 || warmup < 0)
        {
            throw new ArgumentException("--floor-stations and --paced-seconds are at least 1, --warmup at least 0.");
        }

        return new BenchOptions(scales, postgresScales ?? scales, [.. rates.Order()], pacedSeconds, postgres, output, floor, rules, batch, floorStations, warmup, lists);
    }

    private static List<int> ParseScales(string text)
    {
        var scales = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s.Replace("k", "000", StringComparison.OrdinalIgnoreCase), CultureInfo.InvariantCulture)).ToList();
        return scales.All(s => s > 0) ? scales : throw new ArgumentException($"Scales and rates are positive numbers ({text}); \"none\" skips them.");
    }
}
