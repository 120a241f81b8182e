using Microsoft.Data.Sqlite;
using Orchestrator.Persistence;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>The embedded default: a real SQLite file in a temp folder, created and migrated by the server at start.</summary>
public class SqliteServerFixture : ServerFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string?> CreateDatabaseAsync() =>
        Task.FromResult<string?>(new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataFolder, "orchestrator.db"), DefaultTimeout = 30 }.ToString());

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }
}
