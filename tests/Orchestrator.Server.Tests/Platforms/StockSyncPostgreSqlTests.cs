using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Platforms;

/// <summary>The stock sync outbox on PostgreSQL: marks written inside allocation's step transaction and by adjustments reach the platform, and the outbox empties.</summary>
public sealed class StockSyncPostgreSqlTests(PlatformPostgreSqlFixture server) : LifecycleTestBase(server), IClassFixture<PlatformPostgreSqlFixture>
{
    [SkippableFact]
    public async Task Allocations_and_adjustments_reach_the_platform_and_the_outbox_is_drained()
    {
        var code = Unique("PG");
        var shop = await CreateConnectedShopAsync(PlatformPostgreSqlFixture.Shop, code);
        await EnableStockSyncAsync(shop, 0.5m, 0, code);
        await server.Simulator.WaitForStockAsync(PlatformPostgreSqlFixture.Shop, code, 50);

        var orders = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            orders.Add(await PushPaidOrderAsync(shop, code));
        }

        foreach (var order in orders)
        {
            await WaitForAsync(order, bookmark: "PickConfirmed");
        }

        await AdjustStockAsync(await WarehouseOfAsync(shop), 7, code);

        await server.Simulator.WaitForStockAsync(PlatformPostgreSqlFixture.Shop, code, 51);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await server.WithDbAsync(db => db.StockChanges.CountAsync()) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The stock sync outbox was not drained.");
            await Task.Delay(100);
        }
    }
}
