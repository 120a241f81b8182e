using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Domain.Inventory;
using Orchestrator.Persistence;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>Allocation reserves stock with conditional updates: racing orders never hold more than there is.</summary>
public abstract class ReservationTests(ServerFixture server) : LifecycleTestBase(server)
{
    [SkippableFact]
    public async Task Fifty_orders_racing_for_ten_units_reserve_exactly_ten_and_the_rest_wait_for_stock()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var warehouse = await WarehouseOfAsync(shop);
        await AdjustStockAsync(warehouse, -90, code);

        var pushes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => PostOrderAsync(shop, PaidOrder(Unique("TB"), (code, 1)))));
        Assert.All(pushes, p => Assert.Equal(HttpStatusCode.Created, p.StatusCode));

        var (picking, waiting) = await SettledAsync(shop, 50);
        Assert.Equal((10, 40), (picking, waiting));
        var stock = await StockAsync(warehouse, code);
        Assert.Equal((10, 10), (stock.OnHand, stock.Reserved));
        Assert.Equal(10, await Server.WithDbAsync(db => db.StockReservations.CountAsync(r => r.GoodsId == stock.GoodsId && r.State == ReservationState.Reserved)));
    }

    [SkippableFact]
    public async Task Shipping_deducts_what_was_reserved_and_cancelling_gives_it_back()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var warehouse = await WarehouseOfAsync(shop);
        var shipped = await PushPaidOrderAsync(shop, code);
        var cancelled = await PushPaidOrderAsync(shop, code);
        var toShip = InstanceId(await WaitForAsync(shipped, bookmark: "PickConfirmed"));
        var toCancel = InstanceId(await WaitForAsync(cancelled, bookmark: "PickConfirmed"));
        Assert.Equal((100, 2), await StockCountsAsync(warehouse, code));

        await ShipThroughFloorAsync(toShip);
        await ResumeOkAsync(toCancel, "PickConfirmed", new JsonObject { ["rejected"] = true, ["reason"] = "货损" });
        await ResumeOkAsync(toCancel, "Review", new JsonObject { ["decision"] = "reject", ["reviewer"] = "小李" });

        Assert.Equal((99, 0), await StockCountsAsync(warehouse, code));
        var movement = await Server.WithDbAsync(db => db.StockMovements.Where(m => m.WarehouseId == warehouse).OrderBy(m => m.Id).LastAsync());
        Assert.Equal((-1, 99, "发货出库 shipment"), (movement.Delta, movement.OnHandAfter, movement.Reason));
        var states = await Server.WithDbAsync(db => db.StockReservations.Where(r => r.OrderId == shipped || r.OrderId == cancelled)
            .OrderBy(r => r.OrderId).Select(r => r.State).ToListAsync());
        Assert.Equal([ReservationState.Deducted, ReservationState.Released], states);
    }

    [SkippableFact]
    public async Task Cancelling_an_instance_gives_back_the_stock_its_order_reserved()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var warehouse = await WarehouseOfAsync(shop);
        var orderId = await PushPaidOrderAsync(shop, code);
        var instance = InstanceId(await WaitForAsync(orderId, bookmark: "PickConfirmed"));
        Assert.Equal((100, 1), await StockCountsAsync(warehouse, code));

        var cancelled = await Client.PostAsJsonAsync($"/api/workflow-instances/{instance}:cancel", new JsonObject { ["reason"] = "买家退款" }, ServerFixture.Json);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal((100, 0), await StockCountsAsync(warehouse, code));
        Assert.Equal(ReservationState.Released, await Server.WithDbAsync(db => db.StockReservations.Where(r => r.OrderId == orderId).Select(r => r.State).SingleAsync()));
    }

    [SkippableFact]
    public async Task Stock_a_cancellation_gives_back_goes_to_the_order_waiting_for_it()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var warehouse = await WarehouseOfAsync(shop);
        await AdjustStockAsync(warehouse, -99, code);
        var first = await PushPaidOrderAsync(shop, code);
        var firstInstance = InstanceId(await WaitForAsync(first, bookmark: "PickConfirmed"));
        var second = await PushPaidOrderAsync(shop, code);
        await WaitForAsync(second, bookmark: "StockAvailable");

        var cancelled = await Client.PostAsJsonAsync($"/api/workflow-instances/{firstInstance}:cancel", new JsonObject { ["reason"] = "买家退款" }, ServerFixture.Json);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Cancelled", (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{first}", ServerFixture.Json))!["status"]!.GetValue<string>());
        await WaitForAsync(second, bookmark: "PickConfirmed");
        Assert.Equal((1, 1), await StockCountsAsync(warehouse, code));
    }

    private async Task<(int Picking, int Waiting)> SettledAsync(long shop, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        (int, int) counts = default;
        while (DateTime.UtcNow < deadline)
        {
            counts = (await CountAsync(shop, "PickConfirmed"), await CountAsync(shop, "StockAvailable"));
            if (counts.Item1 + counts.Item2 == expected)
            {
                return counts;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Only {counts} of {expected} orders settled.");
    }

    private async Task<int> CountAsync(long shop, string waitingFor) =>
        (await Client.GetFromJsonAsync<JsonObject>($"/api/workflow-instances?shopId={shop}&waitingFor={waitingFor}&pageSize=1", ServerFixture.Json))!["total"]!.GetValue<int>();

}

public sealed class SqliteReservationTests(LifecycleSqliteFixture server) : ReservationTests(server), IClassFixture<LifecycleSqliteFixture>;

/// <summary>
/// On PostgreSQL a test can hold a stock row's lock and see a run's update wait for it, so the race a run can lose at its
/// commit (<see cref="OrchestratorDbContext.StockAtCommit"/>) is played out step by step rather than by chance.
/// </summary>
public sealed class PostgreSqlReservationTests(LifecyclePostgreSqlFixture server) : ReservationTests(server), IClassFixture<LifecyclePostgreSqlFixture>
{
    [SkippableFact]
    public async Task A_reservation_the_stock_no_longer_covers_at_its_commit_runs_again_and_waits_for_stock_without_an_incident()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var warehouse = await WarehouseOfAsync(shop);
        await AdjustStockAsync(warehouse, -99, code);
        var goods = (await StockAsync(warehouse, code)).GoodsId;

        // Someone holds the row: the last unit is being counted as damaged.
        await using var scope = Server.Services.CreateAsyncScope();
        var counting = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
        await using var transaction = await counting.Database.BeginTransactionAsync();
        await counting.Database.ExecuteSqlAsync($"SELECT 1 FROM \"StockItems\" WHERE \"WarehouseId\" = {warehouse} AND \"GoodsId\" = {goods} FOR UPDATE");

        // The order's run sees one unit free, reserves it and, at the commit before the waybill request, waits for the row.
        var orderId = await PushPaidOrderAsync(shop, code);
        await WaitForStockUpdateToWaitAsync();

        await counting.Database.ExecuteSqlAsync($"UPDATE \"StockItems\" SET \"OnHand\" = 0 WHERE \"WarehouseId\" = {warehouse} AND \"GoodsId\" = {goods}");
        await transaction.CommitAsync();

        // The update no longer fits: nothing of the run is stored, it runs again and finds the order out of stock.
        var waiting = await WaitForAsync(orderId, bookmark: "StockAvailable");
        Assert.Empty(waiting["incidents"]!.AsArray());
        Assert.Equal((0, 0), await StockCountsAsync(warehouse, code));
        Assert.Equal(0, await Server.WithDbAsync(db => db.StockReservations.CountAsync(r => r.OrderId == orderId)));
    }

    private async Task WaitForStockUpdateToWaitAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var waiting = await Server.WithDbAsync(db => db.Database.SqlQueryRaw<int>(
                "SELECT COUNT(*)::int AS \"Value\" FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE \"StockItems\"%'").SingleAsync());
            if (waiting > 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("No run's stock update waited for the held row.");
    }
}
