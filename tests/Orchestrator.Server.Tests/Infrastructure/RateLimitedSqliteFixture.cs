namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>SQLite with a tight intake limit (1 request a second, bursts of 5), so a test can run out of it quickly.</summary>
public sealed class RateLimitedSqliteFixture : SqliteServerFixture
{
    public const int Burst = 5;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["RateLimiting:Intake:PermitsPerSecond"] = "1",
        ["RateLimiting:Intake:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
