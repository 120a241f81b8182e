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

/// <summary>PostgreSQL with workflows/ imported, and the silo clustered through the database (membership and reminders in Orleans' tables).</summary>
public sealed class AdoNetPostgreSqlFixture : PostgreSqlServerFixture
{
    protected override string? WorkflowsFolder => RepositoryPaths.Workflows;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Runtime:Clustering"] = "AdoNet",
        ["Runtime:AdvertisedIPAddress"] = "127.0.0.1",
    };
}

/// <summary>SQLite with workflows/ imported, and instance grains that leave memory after 3 idle seconds.</summary>
public sealed class IdleInstancesSqliteFixture : SqliteServerFixture
{
    public const int IdleSeconds = 3;

    protected override string? WorkflowsFolder => RepositoryPaths.Workflows;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Runtime:IdleInstanceSeconds"] = IdleSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
