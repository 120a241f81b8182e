namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>SQLite with the demo data and the workflows a new user gets.</summary>
public sealed class DemoSqliteServerFixture : SqliteServerFixture
{
    protected override bool SeedDemo => true;

    protected override string? WorkflowsFolder => RepositoryPaths.Workflows;
}
