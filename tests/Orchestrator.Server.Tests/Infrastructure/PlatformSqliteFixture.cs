namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>
/// SQLite with workflows/ imported and a platform simulator the shops <see cref="ConnectedShops"/> are connected to;
/// retries back off from 20 ms so a test of the retry budget takes moments.
/// </summary>
public sealed class PlatformSqliteFixture : SqliteServerFixture
{
    public static readonly string[] ConnectedShops = ["SIM-E2E", "SIM-HTTP500", "SIM-TOPERROR", "SIM-BUDGET", "SIM-SPLIT"];

    public PlatformSimulatorHost Simulator { get; } = new();

    protected override string? WorkflowsFolder => RepositoryPaths.Workflows;

    /// <summary>Each shop's session is its code, so each pulls only its own trades.</summary>
    protected override IReadOnlyDictionary<string, string?> Settings => ConnectedShops
        .SelectMany(code => new[]
        {
            KeyValuePair.Create($"Platforms:{code}:BaseUrl", (string?)Simulator.BaseUrl),
            KeyValuePair.Create($"Platforms:{code}:Session", (string?)code),
        })
        .Append(KeyValuePair.Create("PlatformClient:MaxRetryAttempts", (string?)"3"))
        .Append(KeyValuePair.Create("PlatformClient:RetryBaseDelay", (string?)"00:00:00.020"))
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
