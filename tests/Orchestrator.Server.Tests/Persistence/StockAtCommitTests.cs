using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Catalog;
using Orchestrator.Domain.Inventory;
using Orchestrator.Domain.MasterData;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Diagnostics;
using Orchestrator.Persistence.Inventory;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Persistence;

/// <summary>
/// Stock written at a run's commit (<see cref="OrchestratorDbContext.StockAtCommit"/>, <see cref="StockWrites"/>): a reservation is decided from what is free, the run's
/// own earlier writes counted in, and its update is sent by the commit, still conditional; one that no longer fits fails
/// the commit and stores nothing. On SQLite and PostgreSQL.
/// </summary>
public sealed class StockAtCommitTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 7, 6, 0, 0, DateTimeKind.Utc);

    private readonly BothDatabases _databases = new("stockatcommit");

    public static TheoryData<string> Databases => BothDatabases.Names;

    public Task InitializeAsync() => _databases.InitializeAsync();

    public async Task DisposeAsync() => await _databases.DisposeAsync();

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task A_reservation_is_decided_from_what_is_free_and_its_update_is_sent_by_the_commit(string database)
    {
        var options = await _databases.MigratedAsync(database);
        var (warehouse, goods, orders) = await SeedAsync(options, onHand: 5, orders: 1);

        await using var db = new OrchestratorDbContext(options) { StockAtCommit = new StockWrites() };
        var ledger = new StockLedger(db);
        Assert.True(await ledger.TryReserveAsync(orders[0], warehouse, new Dictionary<long, int> { [goods] = 3 }, Now, CancellationToken.None));

        // Nothing sent yet: no transaction, no lock, the row as it was. What the run holds already counts: 2 are left.
        Assert.Null(db.Database.CurrentTransaction);
        Assert.Equal((5, 0), await CountsAsync(options, warehouse, goods));
        Assert.False(await ledger.TryReserveAsync(orders[0], warehouse, new Dictionary<long, int> { [goods] = 3 }, Now, CancellationToken.None));

        await db.BeginWorkAsync(CancellationToken.None);
        await db.SaveChangesAsync();
        await db.CommitWorkAsync(CancellationToken.None);

        Assert.True(db.StockAtCommit.IsEmpty);
        Assert.Equal((5, 3), await CountsAsync(options, warehouse, goods));
        await using var read = new OrchestratorDbContext(options);
        var reservation = await read.StockReservations.AsNoTracking().SingleAsync(r => r.OrderId == orders[0]);
        Assert.Equal((3, ReservationState.Reserved), (reservation.Quantity, reservation.State));
    }

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task A_reservation_another_order_took_first_fails_the_commit_and_nothing_of_it_is_stored(string database)
    {
        var options = await _databases.MigratedAsync(database);
        var (warehouse, goods, orders) = await SeedAsync(options, onHand: 5, orders: 2);
        var four = new Dictionary<long, int> { [goods] = 4 };

        // Both read five free; the first to commit takes four.
        await using var first = new OrchestratorDbContext(options) { StockAtCommit = new StockWrites() };
        await using var second = new OrchestratorDbContext(options) { StockAtCommit = new StockWrites() };
        Assert.True(await new StockLedger(first).TryReserveAsync(orders[0], warehouse, four, Now, CancellationToken.None));
        Assert.True(await new StockLedger(second).TryReserveAsync(orders[1], warehouse, four, Now, CancellationToken.None));
        await first.SaveChangesAsync();

        var lost = await Assert.ThrowsAsync<StockClaimLostException>(() => second.SaveChangesAsync());

        Assert.Equal((warehouse, goods), (lost.WarehouseId, lost.GoodsId));
        Assert.Null(second.Database.CurrentTransaction);
        Assert.False(second.StockAtCommit!.IsEmpty);
        Assert.Equal((5, 4), await CountsAsync(options, warehouse, goods));
        await using var read = new OrchestratorDbContext(options);
        Assert.Equal([orders[0]], await read.StockReservations.AsNoTracking().Select(r => r.OrderId).ToListAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task A_deduction_at_the_commit_takes_the_stock_off_the_shelf_and_its_movement_says_what_is_left(string database)
    {
        var options = await _databases.MigratedAsync(database);
        var (warehouse, goods, orders) = await SeedAsync(options, onHand: 5, orders: 1);
        await using (var reserve = new OrchestratorDbContext(options))
        {
            // Reserved at once (no StockAtCommit), inside a transaction of its own.
            Assert.True(await new StockLedger(reserve).TryReserveAsync(orders[0], warehouse, new Dictionary<long, int> { [goods] = 2 }, Now, CancellationToken.None));
            await reserve.SaveChangesAsync();
            await reserve.CommitWorkAsync(CancellationToken.None);
        }

        await using var db = new OrchestratorDbContext(options) { StockAtCommit = new StockWrites() };
        Assert.Equal(1, await new StockLedger(db).DeductAsync(orders[0], "T-0", Now, CancellationToken.None));
        Assert.Equal((5, 2), await CountsAsync(options, warehouse, goods));

        await db.SaveChangesAsync();

        Assert.Equal((3, 0), await CountsAsync(options, warehouse, goods));
        await using var read = new OrchestratorDbContext(options);
        var movement = await read.StockMovements.AsNoTracking().SingleAsync();
        Assert.Equal((-2, 3, "T-0"), (movement.Delta, movement.OnHandAfter, movement.Reference));
        Assert.Equal(ReservationState.Deducted, await read.StockReservations.Select(r => r.State).SingleAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task Each_counter_update_is_one_statement_of_the_servers_own_and_stores_what_EF_would(string database)
    {
        var log = new CommandLog();
        var activity = new DatabaseActivity(TimeProvider.System);
        var options = await _databases.MigratedAsync(database, log, activity);
        var (warehouse, goods, orders) = await SeedAsync(options, onHand: 5, orders: 1);
        int version;
        await using (var read = new OrchestratorDbContext(options))
        {
            version = (await read.StockItems.AsNoTracking().SingleAsync(s => s.GoodsId == goods)).Version;
        }

        var later = Now.AddMinutes(3);
        await using (var db = new OrchestratorDbContext(options) { StockAtCommit = new StockWrites() })
        {
            Assert.True(await new StockLedger(db).TryReserveAsync(orders[0], warehouse, new Dictionary<long, int> { [goods] = 2 }, later, CancellationToken.None));
            log.Sent.Clear();
            var before = activity.Snapshot().Commands;
            await db.BeginWorkAsync(CancellationToken.None);
            await db.SaveChangesAsync();
            await db.CommitWorkAsync(CancellationToken.None);

            // EF sent the reservation row, not the counter's update; the update was counted all the same.
            Assert.DoesNotContain(log.Sent, sql => sql.Contains("UPDATE", StringComparison.OrdinalIgnoreCase) && sql.Contains("StockItems", StringComparison.Ordinal));
            Assert.Equal(log.Sent.Count + 1, activity.Snapshot().Commands - before);
        }

        await using var check = new OrchestratorDbContext(options);
        var item = await check.StockItems.AsNoTracking().SingleAsync(s => s.GoodsId == goods);
        Assert.Equal((5, 2, version + 1), (item.OnHand, item.Reserved, item.Version));
        Assert.Equal(later, item.UpdatedAt);
        Assert.Equal(1, await check.StockItems.CountAsync(s => s.UpdatedAt == later));
    }

    private static async Task<(long Warehouse, long Goods, List<long> Orders)> SeedAsync(DbContextOptions<OrchestratorDbContext> options, int onHand, int orders)
    {
        await using var db = new OrchestratorDbContext(options);
        var shop = await TestOrders.AddShopAsync(db, "stock", "SHOP-S");
        var warehouse = new Warehouse { Code = "WH-S", Name = "杭州仓", Province = "浙江省", City = "杭州市", Address = "文一西路 2 号" };
        var goods = new Goods { MerchantCode = "TEA-1", Name = "龙井" };
        db.AddRange(warehouse, goods);
        await db.SaveChangesAsync();
        db.StockItems.Add(new StockItem { WarehouseId = warehouse.Id, GoodsId = goods.Id, OnHand = onHand, UpdatedAt = Now });
        await db.SaveChangesAsync();
        var added = Enumerable.Range(0, orders).Select(i => TestOrders.Allocated(shop.Id, $"T-{i}", Now)).ToList();
        db.SalesOrders.AddRange(added);
        await db.SaveChangesAsync();
        return (warehouse.Id, goods.Id, added.Select(o => o.Id).ToList());
    }

    private static async Task<(int OnHand, int Reserved)> CountsAsync(DbContextOptions<OrchestratorDbContext> options, long warehouse, long goods)
    {
        await using var db = new OrchestratorDbContext(options);
        var item = await db.StockItems.AsNoTracking().SingleAsync(s => s.WarehouseId == warehouse && s.GoodsId == goods);
        return (item.OnHand, item.Reserved);
    }
}
