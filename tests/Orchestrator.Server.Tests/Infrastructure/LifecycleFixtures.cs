namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>SQLite with the repository's workflows/ imported, so orders start the real sales-order lifecycle.</summary>
public sealed class LifecycleSqliteFixture : SqliteServerFixture
{
    protected override string? WorkflowsFolder => RepositoryPaths.Workflows;
}

/// <summary>PostgreSQL with the repository's workflows/ imported.</summary>
public sealed class LifecyclePostgreSqlFixture : PostgreSqlServerFixture
{
    protected override string? WorkflowsFolder => RepositoryPaths.Workflows;
}
