using Orchestrator.Domain.MasterData;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>Shops and orders stored straight into a test's database, for persistence tests below the API.</summary>
public static class TestOrders
{
    /// <summary>A shop on a platform of its own, both stored.</summary>
    public static async Task<Shop> AddShopAsync(OrchestratorDbContext db, string platformCode, string shopCode)
    {
        var platform = new Platform { Code = platformCode, Name = platformCode };
        db.Platforms.Add(platform);
        await db.SaveChangesAsync();
        var shop = new Shop { Code = shopCode, Name = "测试店铺", PlatformId = platform.Id };
        db.Shops.Add(shop);
        await db.SaveChangesAsync();
        return shop;
    }

    /// <summary>A paid order of <paramref name="shopId"/> to a Hangzhou address, allocated; not stored.</summary>
    public static SalesOrder Allocated(long shopId, string platformOrderId, DateTime at) => new()
    {
        ShopId = shopId,
        PlatformOrderId = platformOrderId,
        PlatformStatus = "WAIT_SELLER_SEND_GOODS",
        Status = OrderStatus.Allocated,
        ReceiverName = "张三",
        ReceiverMobile = "13800000000",
        ReceiverProvince = "浙江省",
        ReceiverCity = "杭州市",
        ReceiverAddress = "文一西路 1 号",
        ReceivedAt = at,
        UpdatedAt = at,
    };
}
