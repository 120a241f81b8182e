using Orchestrator.Persistence;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>The server, with workflows/ imported, on a PostgreSQL cluster of its own that a test may stop and start.</summary>
public sealed class OutagePostgreSqlFixture : ServerFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    /// <summary>The cluster under the server; null when skipped.</summary>
    public ThrowawayPostgreSql? Cluster { get; private set; }

    protected override string? WorkflowsFolder => RepositoryPaths.Workflows;

    protected override async Task<string?> CreateDatabaseAsync()
    {
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
    }
}
