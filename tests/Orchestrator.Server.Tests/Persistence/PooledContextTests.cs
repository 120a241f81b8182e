using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Orchestrator.Lifecycle.Activities;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Audit;
using Orchestrator.Persistence.Inventory;
using Orchestrator.Persistence.Sqlite;
using Orchestrator.Server.Tests.Infrastructure;
using Orchestrator.Workflows.Runtime.EntityFramework;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Server.Tests.Persistence;

/// <summary>
/// The server's contexts are pooled (one instance handed to scope after scope). A context back from the pool must be
/// what a new one would be: nothing of the last scope's run (its group commit, stock kept for the commit, after-commit
/// actions, savepoint setting), nobody's name on its saves, and no instance run owning its saves. A pool of one makes
/// every lease the same instance.
/// </summary>
public sealed class PooledContextTests : IAsyncLifetime
{
    private readonly string _path = TempSqliteFile.NewPath("pooled");
    private readonly AggregateWrites _writes = new(new OrderAggregate(), enabled: true);
    private readonly DbContextOptions<OrchestratorDbContext> _options;
    private readonly PooledDbContextFactory<OrchestratorDbContext> _pool;
    private long _shopId;

    public PooledContextTests()
    {
        var builder = new DbContextOptionsBuilder<OrchestratorDbContext>();
        builder.UseOrchestratorSqlite(new SqliteConnectionStringBuilder { DataSource = _path }.ToString())
            .AddInterceptors(new AuditInterceptor(null, TimeProvider.System), _writes);
        _options = builder.Options;
        _pool = new PooledDbContextFactory<OrchestratorDbContext>(_options, poolSize: 1);
    }

    public async Task InitializeAsync()
    {
        await using var db = new OrchestratorDbContext(_options);
        await db.Database.MigrateAsync();
        _shopId = (await TestOrders.AddShopAsync(db, "pooltest", "POOL-1")).Id;
    }

    public Task DisposeAsync()
    {
        TempSqliteFile.Delete(_path);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_context_back_from_the_pool_keeps_nothing_of_its_last_scope()
    {
        using var group = new SqliteGroupCommit(null, TimeProvider.System);
        OrchestratorDbContext leased;
        await using (var db = _pool.CreateDbContext())
        {
            leased = db;
            db.AuditActor = new TestActor();
            db.GroupCommit = group;
            db.WritesDirectly = true;
            db.StockAtCommit = new StockWrites();
            db.StockAtCommit.Reserve(1, 1, 1, DateTime.UtcNow);
            db.AfterCommit(() => throw new InvalidOperationException("ran for a scope that was over"));
            db.Database.AutoSavepointsEnabled = false;
            db.Goods.Add(new Domain.Catalog.Goods { MerchantCode = "POOL-G", Name = "池" });
        }

        await using var again = _pool.CreateDbContext();
        Assert.Same(leased, again);
        Assert.Null(again.AuditActor);
        Assert.Null(again.GroupCommit);
        Assert.False(again.WritesDirectly);
        Assert.Null(again.StockAtCommit);
        Assert.Equal(0, again.PendingAfterCommit);
        Assert.True(again.Database.AutoSavepointsEnabled);
        Assert.Empty(again.ChangeTracker.Entries());
        Assert.Null(again.Database.CurrentTransaction);
    }

    [Fact]
    public async Task A_context_an_instance_run_owned_counts_the_next_scopes_saves_to_that_order()
    {
        long orderId;
        await using (var db = _pool.CreateDbContext())
        {
            var order = TestOrders.Allocated(_shopId, "P-POOL-1", DateTime.UtcNow);
            db.SalesOrders.Add(order);
            await db.SaveChangesAsync();
            orderId = order.Id;

            // This lease is the order's own run: its saves to the order are not others' saves.
            _writes.Own(db, orderId);
        }

        var before = _writes.Count(orderId);
        await using (var db = _pool.CreateDbContext())
        {
            var order = await db.SalesOrders.SingleAsync(o => o.Id == orderId);
            order.SellerMemo = "an API edit, not the run's";
            await db.SaveChangesAsync();
        }

        // Counted at the save's start and at its end: the grain holding the order will look again.
        Assert.Equal(before + 2, _writes.Count(orderId));
    }

    [Fact]
    public async Task Each_lease_names_its_own_actor_on_the_audit_trail_and_one_naming_none_names_the_system()
    {
        var person = new TestActor();
        person.ActAs("reviewer-1");
        await using (var db = _pool.CreateDbContext())
        {
            db.AuditActor = person;
            var shop = await db.Shops.SingleAsync(s => s.Id == _shopId);
            shop.Name = "第一次";
            await db.SaveChangesAsync();
        }

        await using (var db = _pool.CreateDbContext())
        {
            var shop = await db.Shops.SingleAsync(s => s.Id == _shopId);
            shop.Name = "第二次";
            await db.SaveChangesAsync();
        }

        await using var read = new OrchestratorDbContext(_options);
        var actors = await read.AuditEntries.Where(a => a.EntityType == AuditEntityTypes.Shop && a.Action == AuditAction.Updated)
            .OrderBy(a => a.Id).Select(a => a.Actor).ToListAsync();
        Assert.Equal(["reviewer-1", AuditActors.System], actors);
    }
}
