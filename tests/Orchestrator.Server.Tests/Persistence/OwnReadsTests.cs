using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Catalog;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.Inventory;
using Orchestrator.Domain.MasterData;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Diagnostics;
using Orchestrator.Persistence.Inventory;
using Orchestrator.Persistence.Orders;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Persistence;

/// <summary>
/// The hot path's reads by statements of the server's own, not EF's query pipeline: what is free of goods in warehouses
/// (<see cref="StockLevels"/>) and an order's stamp (<see cref="OrderStamps"/>). Each answers what the same query
/// through EF answers, runs where the context's own queries run (its transaction when it has one), is counted as a
/// command, and leaves the context's connection as it found it. On SQLite and PostgreSQL.
/// </summary>
public sealed class OwnReadsTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);

    private readonly BothDatabases _databases = new("ownreads");

    public static TheoryData<string> Databases => BothDatabases.Names;

    public Task InitializeAsync() => _databases.InitializeAsync();

    public async Task DisposeAsync() => await _databases.DisposeAsync();

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task Free_stock_is_on_hand_less_reserved_for_every_stored_pair_and_absent_where_no_row_is(string database)
    {
        var log = new CommandLog();
        var activity = new DatabaseActivity(TimeProvider.System);
        var options = await _databases.MigratedAsync(database, log, activity);
        var (warehouses, goods) = await SeedStockAsync(options, warehouses: 2, goods: 3);
        await using (var setup = new OrchestratorDbContext(options))
        {
            // The second warehouse has no row for the last goods; the first has some of it reserved.
            await setup.StockItems.Where(s => s.WarehouseId == warehouses[1] && s.GoodsId == goods[2]).ExecuteDeleteAsync();
            await setup.StockItems.Where(s => s.WarehouseId == warehouses[0] && s.GoodsId == goods[2]).ExecuteUpdateAsync(s => s.SetProperty(i => i.Reserved, 4));
        }

        await using var db = new OrchestratorDbContext(options);
        log.Sent.Clear();
        var before = activity.Snapshot().Commands;
        var free = await StockLevels.FreeAsync(db, warehouses, goods, CancellationToken.None);

        // One command of the server's own (not EF's: the command log sees none), the connection closed again.
        Assert.Equal(1, activity.Snapshot().Commands - before);
        Assert.Empty(log.Sent);
        Assert.Equal(System.Data.ConnectionState.Closed, db.Database.GetDbConnection().State);

        var expected = await db.StockItems.AsNoTracking()
            .Where(s => warehouses.Contains(s.WarehouseId) && goods.Contains(s.GoodsId))
            .ToDictionaryAsync(s => (s.WarehouseId, s.GoodsId), s => s.OnHand - s.Reserved);
        Assert.Equal(5, expected.Count);
        Assert.Equal(expected.OrderBy(e => e.Key), free.OrderBy(e => e.Key));
        Assert.False(free.ContainsKey((warehouses[1], goods[2])));
        Assert.Equal(Stocked(0, 2) - 4, free[(warehouses[0], goods[2])]);

        // Nothing asked, nothing sent.
        before = activity.Snapshot().Commands;
        Assert.Empty(await StockLevels.FreeAsync(db, warehouses, [], CancellationToken.None));
        Assert.Equal(0, activity.Snapshot().Commands - before);
    }

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task More_goods_than_one_statement_takes_are_read_in_parts_and_all_answered(string database)
    {
        var activity = new DatabaseActivity(TimeProvider.System);
        var options = await _databases.MigratedAsync(database, activity);
        var (warehouses, goods) = await SeedStockAsync(options, warehouses: 1, goods: StockLevels.MaxGoodsPerStatement + 3);

        await using var db = new OrchestratorDbContext(options);
        var before = activity.Snapshot().Commands;
        var free = await StockLevels.FreeAsync(db, warehouses, goods, CancellationToken.None);

        Assert.Equal(2, activity.Snapshot().Commands - before);
        Assert.Equal(goods.Count, free.Count);
        Assert.All(goods.Select((id, i) => (id, i)), g => Assert.Equal(Stocked(0, g.i), free[(warehouses[0], g.id)]));
    }

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task A_read_inside_the_contexts_transaction_sees_what_it_wrote_and_others_do_not(string database)
    {
        var options = await _databases.MigratedAsync(database);
        var (warehouses, goods) = await SeedStockAsync(options, warehouses: 1, goods: 1);

        await using var db = new OrchestratorDbContext(options);
        await db.BeginWorkAsync(CancellationToken.None);
        await db.StockItems.Where(s => s.GoodsId == goods[0]).ExecuteUpdateAsync(s => s.SetProperty(i => i.Reserved, 2));

        Assert.Equal(Stocked(0, 0) - 2, (await StockLevels.FreeAsync(db, warehouses, goods, CancellationToken.None))[(warehouses[0], goods[0])]);
        Assert.Equal(System.Data.ConnectionState.Open, db.Database.GetDbConnection().State);
        await db.RollbackWorkAsync(CancellationToken.None);

        Assert.Equal(Stocked(0, 0), (await StockLevels.FreeAsync(db, warehouses, goods, CancellationToken.None))[(warehouses[0], goods[0])]);
    }

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task A_read_outside_a_transaction_sees_the_last_commit_and_on_sqlite_leaves_the_contexts_connection_unopened(string database)
    {
        var opens = new ConnectionOpens();
        var options = await _databases.MigratedAsync(database, opens);
        var (warehouses, goods) = await SeedStockAsync(options, warehouses: 1, goods: 1);

        // Three reads, with commits of another context between them: each sees the last one, however its connection was kept.
        await using var db = new OrchestratorDbContext(options);
        var seen = new List<int>();
        for (var reserved = 1; reserved <= 3; reserved++)
        {
            await using (var other = new OrchestratorDbContext(options))
            {
                await other.StockItems.Where(s => s.GoodsId == goods[0]).ExecuteUpdateAsync(s => s.SetProperty(i => i.Reserved, reserved));
            }

            opens.Count = 0;
            seen.Add((await StockLevels.FreeAsync(db, warehouses, goods, CancellationToken.None))[(warehouses[0], goods[0])]);
            Assert.Equal(System.Data.ConnectionState.Closed, db.Database.GetDbConnection().State);

            // SQLite: a connection kept open for such reads, so EF never opens the context's (and registers its functions
            // on it) for one. Elsewhere the context's connection, opened for the read and closed again.
            Assert.Equal(database == "sqlite" ? 0 : 1, opens.Count);
        }

        Assert.Equal([Stocked(0, 0) - 1, Stocked(0, 0) - 2, Stocked(0, 0) - 3], seen);
    }

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task An_orders_stamp_counts_its_packages_and_moves_with_any_change_to_them(string database)
    {
        var activity = new DatabaseActivity(TimeProvider.System);
        var options = await _databases.MigratedAsync(database, activity);
        await using var db = new OrchestratorDbContext(options);
        var order = await AddOrderAsync(db, "ST");
        var (warehouses, goods) = await SeedStockAsync(options, warehouses: 1, goods: 1, code: "ST");

        // No packages yet: the order's version and zeros. No such order: nothing.
        var before = activity.Snapshot().Commands;
        Assert.Equal(new OrderStamp(order.Version, 0, 0, 0), await OrderStamps.ReadAsync(db, order.Id, CancellationToken.None));
        Assert.Equal(1, activity.Snapshot().Commands - before);
        Assert.Null(await OrderStamps.ReadAsync(db, order.Id + 1000, CancellationToken.None));

        Package Make(int sequence) => new()
        {
            OrderId = order.Id,
            Sequence = sequence,
            WarehouseId = warehouses[0],
            Status = PackageStatus.Allocated,
            Lines = [new PackageLine { LineNo = 1, GoodsId = goods[0], MerchantCode = "ST-0", Quantity = 1 }],
        };
        db.Packages.AddRange(Make(1), Make(2));
        await db.SaveChangesAsync();
        var stamp = await OrderStamps.ReadAsync(db, order.Id, CancellationToken.None);
        Assert.Equal(await ExpectedAsync(options, order.Id), stamp);
        Assert.Equal(2, stamp!.Packages);

        // A package line's change bumps its package: the stamp moves, and still matches what EF reads.
        var package = await db.Packages.Include(p => p.Lines).OrderBy(p => p.Id).FirstAsync(p => p.OrderId == order.Id);
        package.Lines[0].Quantity = 2;
        await db.SaveChangesAsync();
        var moved = await OrderStamps.ReadAsync(db, order.Id, CancellationToken.None);
        Assert.NotEqual(stamp, moved);
        Assert.Equal(await ExpectedAsync(options, order.Id), moved);
    }

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task A_key_probe_finds_a_stored_key_in_the_contexts_transaction_and_nothing_else(string database)
    {
        var activity = new DatabaseActivity(TimeProvider.System);
        var options = await _databases.MigratedAsync(database, activity);
        await using var db = new OrchestratorDbContext(options);
        var order = await AddOrderAsync(db, "PR");
        Waybill Make(string key) => new() { OrderId = order.Id, IdempotencyKey = key, CarrierCode = "SF", TrackingNumber = "SF" + key, IssuedAt = Now };
        db.Waybills.Add(Make("waybill:1"));
        await db.SaveChangesAsync();

        var before = activity.Snapshot().Commands;
        Assert.True(await KeyProbe.AnyAsync<Waybill>(db, nameof(Waybill.IdempotencyKey), "waybill:1", CancellationToken.None));
        Assert.False(await KeyProbe.AnyAsync<Waybill>(db, nameof(Waybill.IdempotencyKey), "waybill:2", CancellationToken.None));
        Assert.False(await KeyProbe.AnyAsync<ShipmentConfirmation>(db, nameof(ShipmentConfirmation.IdempotencyKey), "waybill:1", CancellationToken.None));
        Assert.Equal(3, activity.Snapshot().Commands - before);

        // Saved in the context's open transaction: seen there; rolled back: gone.
        await db.BeginWorkAsync(CancellationToken.None);
        db.Waybills.Add(Make("waybill:2"));
        await db.SaveChangesAsync();
        Assert.True(await KeyProbe.AnyAsync<Waybill>(db, nameof(Waybill.IdempotencyKey), "waybill:2", CancellationToken.None));
        await db.RollbackWorkAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        Assert.False(await KeyProbe.AnyAsync<Waybill>(db, nameof(Waybill.IdempotencyKey), "waybill:2", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => KeyProbe.AnyAsync<Waybill>(db, "NoSuchColumn", "x", CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Databases))]
    public async Task Closing_an_orders_reservations_reads_the_open_ones_by_one_statement_and_writes_only_their_state(string database)
    {
        var log = new CommandLog();
        var activity = new DatabaseActivity(TimeProvider.System);
        var options = await _databases.MigratedAsync(database, log, activity);
        var (warehouses, goods) = await SeedStockAsync(options, warehouses: 1, goods: 2, code: "RS");
        long orderId;
        await using (var setup = new OrchestratorDbContext(options))
        {
            orderId = (await AddOrderAsync(setup, "RS")).Id;
            var reserved = new StockLedger(setup);
            await setup.BeginWorkAsync(CancellationToken.None);
            Assert.True(await reserved.TryReserveAsync(orderId, warehouses[0], new Dictionary<long, int> { [goods[0]] = 2, [goods[1]] = 3 }, Now, CancellationToken.None));
            await setup.SaveChangesAsync();
            await setup.CommitWorkAsync(CancellationToken.None);
        }

        // Shipped: the open reservations are read by one command of the server's own (EF's log sees no query of them),
        // deducted, and their update leaves every other column as it was.
        var shipped = Now.AddHours(2);
        await using (var db = new OrchestratorDbContext(options))
        {
            var ledger = new StockLedger(db);
            log.Sent.Clear();
            await db.BeginWorkAsync(CancellationToken.None);
            Assert.Equal(2, await ledger.DeductAsync(orderId, "SF100", shipped, CancellationToken.None));
            Assert.DoesNotContain(log.Sent, sql => sql.Contains("StockReservations", StringComparison.Ordinal) && sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));

            // Closed already in this unit of work, not yet saved: nothing is open any more, so nothing is closed twice.
            Assert.Equal(0, await ledger.ReleaseAsync(orderId, shipped, CancellationToken.None));
            await db.SaveChangesAsync();
            await db.CommitWorkAsync(CancellationToken.None);
        }

        await using var check = new OrchestratorDbContext(options);
        var rows = await check.StockReservations.AsNoTracking().Where(r => r.OrderId == orderId).OrderBy(r => r.GoodsId).ToListAsync();
        Assert.Equal([ReservationState.Deducted, ReservationState.Deducted], rows.Select(r => r.State));
        Assert.All(rows, r => Assert.Equal(shipped, r.ClosedAt));
        Assert.All(rows, r => Assert.Equal(Now, r.CreatedAt));
        Assert.Equal([2, 3], rows.Select(r => r.Quantity));
        var stock = await check.StockItems.AsNoTracking().Where(s => s.WarehouseId == warehouses[0]).OrderBy(s => s.GoodsId).ToListAsync();
        Assert.Equal([Stocked(0, 0) - 2, Stocked(0, 1) - 3], stock.Select(s => s.OnHand));
        Assert.All(stock, s => Assert.Equal(0, s.Reserved));

        // Nothing open: nothing read back, nothing written.
        await using var again = new OrchestratorDbContext(options);
        Assert.Equal(0, await new StockLedger(again).ReleaseAsync(orderId, shipped, CancellationToken.None));
        Assert.False(again.ChangeTracker.HasChanges());
    }

    /// <summary>An allocated order of a shop of its own, stored.</summary>
    private static async Task<SalesOrder> AddOrderAsync(OrchestratorDbContext db, string tag)
    {
        var shop = await TestOrders.AddShopAsync(db, $"own-{tag}", $"SHOP-{tag}");
        var order = TestOrders.Allocated(shop.Id, $"T-{tag}", Now);
        db.SalesOrders.Add(order);
        await db.SaveChangesAsync();
        return order;
    }

    /// <summary>What each stock row was seeded with, by warehouse and goods index.</summary>
    private static int Stocked(int warehouse, int goods) => 10 + (warehouse * 100) + goods;

    private static async Task<(List<long> Warehouses, List<long> Goods)> SeedStockAsync(
        DbContextOptions<OrchestratorDbContext> options, int warehouses, int goods, string code = "G")
    {
        await using var db = new OrchestratorDbContext(options);
        var stores = Enumerable.Range(0, warehouses)
            .Select(i => new Warehouse { Code = $"WH-{code}{i}", Name = $"仓 {i}", Province = "浙江省", City = "杭州市", Address = "文一西路 2 号" }).ToList();
        var items = Enumerable.Range(0, goods).Select(i => new Goods { MerchantCode = $"{code}-{i}", Name = $"商品 {i}" }).ToList();
        db.AddRange(stores);
        db.AddRange(items);
        await db.SaveChangesAsync();
        for (var w = 0; w < stores.Count; w++)
        {
            for (var g = 0; g < items.Count; g++)
            {
                db.StockItems.Add(new StockItem { WarehouseId = stores[w].Id, GoodsId = items[g].Id, OnHand = Stocked(w, g), UpdatedAt = Now });
            }
        }

        await db.SaveChangesAsync();
        return ([.. stores.Select(s => s.Id)], [.. items.Select(i => i.Id)]);
    }

    private static async Task<OrderStamp> ExpectedAsync(DbContextOptions<OrchestratorDbContext> options, long orderId)
    {
        await using var db = new OrchestratorDbContext(options);
        var version = await db.SalesOrders.Where(o => o.Id == orderId).Select(o => o.Version).SingleAsync();
        var packages = await db.Packages.AsNoTracking().Where(p => p.OrderId == orderId).ToListAsync();
        return new OrderStamp(version, packages.Count, packages.Sum(p => p.Version), packages.Count == 0 ? 0 : packages.Max(p => p.Id));
    }

    /// <summary>Counts the context connections EF opens.</summary>
    private sealed class ConnectionOpens : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
    {
        public int Count { get; set; }

        public override Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Count++;
            return Task.CompletedTask;
        }
    }
}
