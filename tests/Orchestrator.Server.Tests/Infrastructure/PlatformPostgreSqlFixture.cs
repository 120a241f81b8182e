namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>PostgreSQL with workflows/ imported and the shop <see cref="Shop"/> connected to a platform simulator.</summary>
public sealed class PlatformPostgreSqlFixture : PostgreSqlServerFixture
{
    public const string Shop = "PG-SYNC";

    public PlatformSimulatorHost Simulator { get; } = new();

    protected override string? WorkflowsFolder => RepositoryPaths.Workflows;

    protected override IReadOnlyDictionary<string, string?> Settings => PlatformSqliteFixture.ConnectionSettings(Simulator, [Shop]);

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
