using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Persistence;

/// <summary>
/// A run's activities find the order they work on among the tracked rows (<see cref="OrchestratorDbContext.Tracked{T}"/>,
/// <see cref="OrchestratorDbContext.TrackedWhere{T}"/>) without the change detection <c>DbSet.Local</c> does on every
/// access; the save still detects what they changed and writes it.
/// </summary>
public sealed class TrackedLookupTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc);

    private readonly BothDatabases _databases = new("tracked");

    public Task InitializeAsync() => _databases.InitializeAsync();

    public async Task DisposeAsync() => await _databases.DisposeAsync();

    [Fact]
    public async Task A_tracked_row_is_found_without_detecting_changes_and_the_save_still_writes_them()
    {
        var options = await _databases.MigratedAsync("sqlite");
        long orderId;
        await using (var setup = new OrchestratorDbContext(options))
        {
            var shop = await TestOrders.AddShopAsync(setup, "tb", "tracked-shop");
            var order = TestOrders.Allocated(shop.Id, "T-1", Now);
            setup.SalesOrders.Add(order);
            await setup.SaveChangesAsync();
            orderId = order.Id;
        }

        await using var db = new OrchestratorDbContext(options);
        var loaded = await db.SalesOrders.SingleAsync(o => o.Id == orderId);
        loaded.SellerMemo = "改地址：杭州市西湖区";

        Assert.Same(loaded, db.Tracked<SalesOrder>(orderId));
        Assert.Same(loaded, Assert.Single(db.TrackedWhere<SalesOrder>(o => o.ShopId == loaded.ShopId)));
        Assert.Null(db.Tracked<SalesOrder>(orderId + 1));

        // Neither look-up compared the columns: the edit is still undetected, and detection is still on for the save.
        Assert.Equal(EntityState.Unchanged, StateWithoutDetecting(db, loaded));
        Assert.True(db.ChangeTracker.AutoDetectChangesEnabled);

        await db.SaveChangesAsync();
        await using var check = new OrchestratorDbContext(options);
        Assert.Equal("改地址：杭州市西湖区", (await check.SalesOrders.AsNoTracking().SingleAsync(o => o.Id == orderId)).SellerMemo);
    }

    private static EntityState StateWithoutDetecting(OrchestratorDbContext db, SalesOrder order)
    {
        using var paused = ChangeDetectionPause.Of(db.ChangeTracker);
        return db.Entry(order).State;
    }
}
