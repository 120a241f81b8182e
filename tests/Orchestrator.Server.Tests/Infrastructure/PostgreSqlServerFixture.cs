using Orchestrator.Persistence;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>The server on its own database of the real PostgreSQL (see <see cref="PostgreSqlDatabase"/>).</summary>
public class PostgreSqlServerFixture : ServerFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    /// <summary>This fixture's database, for checks the API does not offer; null when skipped.</summary>
    public PostgreSqlDatabase? Database { get; private set; }

    protected override async Task<string?> CreateDatabaseAsync()
    {
        Database = await PostgreSqlDatabase.CreateAsync();
        if (Database is null)
        {
            SkipReason = PostgreSqlDatabase.SkipReason;
        }

        return Database?.ConnectionString;
    }

    protected override async Task DropDatabaseAsync()
    {
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }
}
