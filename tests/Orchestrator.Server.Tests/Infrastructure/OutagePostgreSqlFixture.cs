using Orchestrator.Persistence;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>
/// The server, with workflows/ imported, on a PostgreSQL cluster of its own that a test may stop and start, and shop
/// <see cref="ConnectedShop"/> connected to a platform simulator, so the background pull and stock sync run through it.
/// </summary>
public sealed class OutagePostgreSqlFixture : ServerFixture
{
    public const string ConnectedShop = "OUTAGE-SYNC";

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public PlatformSimulatorHost Simulator { get; } = new();

    /// <summary>The cluster under the server; null when skipped.</summary>
    public ThrowawayPostgreSql? Cluster { get; private set; }

    protected override string? WorkflowsFolder => RepositoryPaths.Workflows;

    protected override IReadOnlyDictionary<string, string?> Settings => PlatformSqliteFixture.ConnectionSettings(Simulator, [ConnectedShop]);

    protected override async Task<string?> CreateDatabaseAsync()
    {
        await Simulator.StartAsync();
        Cluster = await ThrowawayPostgreSql.StartNewAsync();
        if (Cluster is null)
        {
            SkipReason = ThrowawayPostgreSql.SkipReason;
        }

        return Cluster?.ConnectionString("orchestrator");
    }

    protected override async Task DropDatabaseAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        await Simulator.DisposeAsync();
    }
}
