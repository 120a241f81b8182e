using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;
using Orchestrator.Persistence.PostgreSql;
using Orchestrator.Persistence.Sqlite;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Persistence;

/// <summary>
/// A compiled query binds to the first model it runs on; this process serves SQLite and PostgreSQL at once, where one
/// shared compiled query answered PostgreSQL's floor calls with SQLite's (500). <see cref="PerModelQuery{TQuery}"/>
/// compiles once per model, and the query runs right on each.
/// </summary>
public sealed class PerModelQueryTests
{
    private static readonly PerModelQuery<Func<OrchestratorDbContext, long, CancellationToken, Task<int>>> CountOrders = new(() =>
        EF.CompileAsyncQuery((OrchestratorDbContext db, long shopId, CancellationToken ct) => db.SalesOrders.Count(o => o.ShopId == shopId)));

    [Fact]
    public void Each_model_gets_its_own_compiled_query_and_a_model_keeps_it()
    {
        var compiled = 0;
        var queries = new PerModelQuery<object>(() => new { Number = ++compiled });
        using var sqlite = Context(new DbContextOptionsBuilder<OrchestratorDbContext>().UseOrchestratorSqlite("Data Source=:memory:"));
        using var sqliteAgain = Context(new DbContextOptionsBuilder<OrchestratorDbContext>().UseOrchestratorSqlite("Data Source=:memory:"));
        using var postgres = Context(new DbContextOptionsBuilder<OrchestratorDbContext>().UseOrchestratorPostgreSql("Host=127.0.0.1;Database=none"));

        var first = queries.For(sqlite);
        Assert.Same(first, queries.For(sqliteAgain));
        Assert.NotSame(first, queries.For(postgres));
        Assert.Equal(2, compiled);
    }

    [SkippableFact]
    public async Task The_same_compiled_query_runs_on_sqlite_and_then_on_postgresql_in_one_process()
    {
        await using var database = await Infrastructure.PostgreSqlDatabase.CreateAsync();
        Skip.If(database is null, Infrastructure.PostgreSqlDatabase.SkipReason);
        var path = TempSqliteFile.NewPath("per-model");
        try
        {
            foreach (var options in new[]
            {
                new DbContextOptionsBuilder<OrchestratorDbContext>().UseOrchestratorSqlite(new SqliteConnectionStringBuilder { DataSource = path }.ToString()),
                new DbContextOptionsBuilder<OrchestratorDbContext>().UseOrchestratorPostgreSql(database!.ConnectionString),
            })
            {
                await using var db = Context(options);
                await db.Database.MigrateAsync();
                Assert.Equal(0, await CountOrders.For(db)(db, 1, CancellationToken.None));
            }
        }
        finally
        {
            TempSqliteFile.Delete(path);
        }
    }

    private static OrchestratorDbContext Context(DbContextOptionsBuilder builder) => new(((DbContextOptionsBuilder<OrchestratorDbContext>)builder).Options);
}
