namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>
/// SQLite with workflows/ imported and a platform simulator the shops <see cref="ConnectedShops"/> are connected to;
/// retries back off from 20 ms so a test of the retry budget takes moments; stock sync polls every 100 ms and backs off from 300 ms.
/// </summary>
public class PlatformSqliteFixture : SqliteServerFixture
{
    public static readonly string[] ConnectedShops =
        ["SIM-E2E", "SIM-HTTP500", "SIM-TOPERROR", "SIM-BUDGET", "SIM-SPLIT", "SIM-SAME", "SIM-OTHER", "SYNC-ADJUST", "SYNC-SAME", "SYNC-COMBO", "SYNC-MAPPED", "SYNC-ONLY", "SYNC-FAULT", "SYNC-RUN", "SYNC-JD", "SYNC-NIGHT", "SYNC-MOVE", "PULL-NOW", "PULL-FAIL", "PULL-JD",
        "PULL-CODES", "PULL-PHONE", "PULL-TWICE", "PULL-PAGE", "PULL-BAD", "PULL-BADNOW"];

    public PlatformSimulatorHost Simulator { get; } = new();

    protected override string? WorkflowsFolder => RepositoryPaths.Workflows;

    /// <summary>Each shop's session is its code, so each pulls only its own trades.</summary>
    protected override IReadOnlyDictionary<string, string?> Settings => ConnectionSettings(Simulator, Shops);

    /// <summary>The codes of the shops connected to the simulator.</summary>
    protected virtual IEnumerable<string> Shops => ConnectedShops;

    /// <summary>The server settings that connect <paramref name="shops"/> to <paramref name="simulator"/>, with short retries and a fast stock sync.</summary>
    public static IReadOnlyDictionary<string, string?> ConnectionSettings(PlatformSimulatorHost simulator, IEnumerable<string> shops) => shops
        .SelectMany(code => new[]
        {
            KeyValuePair.Create($"Platforms:{code}:BaseUrl", (string?)simulator.BaseUrl),
            KeyValuePair.Create($"Platforms:{code}:Session", (string?)code),
        })
        .Append(KeyValuePair.Create("PlatformClient:MaxRetryAttempts", (string?)"3"))
        .Append(KeyValuePair.Create("PlatformClient:RetryBaseDelay", (string?)"00:00:00.020"))
        .Append(KeyValuePair.Create("StockSync:PollInterval", (string?)"00:00:00.100"))
        .Append(KeyValuePair.Create("StockSync:RetryBaseDelay", (string?)"00:00:00.300"))
        .Append(KeyValuePair.Create("StockSync:RetryMaxDelay", (string?)"00:00:01"))
        .ToDictionary();

    protected override async Task<string?> CreateDatabaseAsync()
    {
        await Simulator.StartAsync();
        return await base.CreateDatabaseAsync();
    }

    protected override async Task DropDatabaseAsync()
    {
        await base.DropDatabaseAsync();
        await Simulator.DisposeAsync();
    }
}
