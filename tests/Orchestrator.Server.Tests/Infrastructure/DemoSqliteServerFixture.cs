namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>SQLite with the demo data a new user gets.</summary>
public sealed class DemoSqliteServerFixture : SqliteServerFixture
{
    protected override bool SeedDemo => true;
}
