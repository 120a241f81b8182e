using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Sqlite;
using static Orchestrator.Persistence.PostgreSql.PostgreSqlDatabase;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>
/// A test class's SQLite file and PostgreSQL database, for persistence tests that run the same on both (theory data
/// <see cref="Names"/>). The PostgreSQL one is made at <see cref="InitializeAsync"/>; without it (outside CI) its tests skip.
/// </summary>
public sealed class BothDatabases(string name) : IAsyncDisposable
{
    private readonly string _sqlitePath = TempSqliteFile.NewPath(name);
    private PostgreSqlDatabase? _postgres;

    public static TheoryData<string> Names => new() { "sqlite", "postgres" };

    public async Task InitializeAsync() => _postgres = await PostgreSqlDatabase.CreateAsync();

    /// <summary>Options for <paramref name="database"/> (<c>sqlite</c> or <c>postgres</c>) with <paramref name="interceptors"/>, the schema migrated.</summary>
    public async Task<DbContextOptions<OrchestratorDbContext>> MigratedAsync(string database, params IInterceptor[] interceptors)
    {
        var builder = new DbContextOptionsBuilder<OrchestratorDbContext>();
        if (database == "sqlite")
        {
            builder.UseOrchestratorSqlite(new SqliteConnectionStringBuilder { DataSource = _sqlitePath, DefaultTimeout = 5 }.ToString());
        }
        else
        {
            Skip.If(_postgres is null, PostgreSqlDatabase.SkipReason);
            builder.UseOrchestratorPostgreSql(_postgres!.ConnectionString);
        }

        if (interceptors.Length > 0)
        {
            builder.AddInterceptors(interceptors);
        }

        var options = builder.Options;
        await using var db = new OrchestratorDbContext(options);
        await db.Database.MigrateAsync();
        return options;
    }

    public async ValueTask DisposeAsync()
    {
        TempSqliteFile.Delete(_sqlitePath);
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
