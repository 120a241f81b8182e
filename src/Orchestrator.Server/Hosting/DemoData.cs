using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Catalog;
using Orchestrator.Domain.Inventory;
using Orchestrator.Domain.MasterData;
using Orchestrator.Persistence;

namespace Orchestrator.Server.Hosting;

/// <summary>A small, realistic data set so a new user sees something: two shops, goods, a combo, two warehouses, two carriers with freight rates.</summary>
internal static partial class DemoData
{
    /// <summary>On with <c>--seed-demo</c> or <c>Demo:Seed=true</c>; by default only on the embedded SQLite database.</summary>
    public static bool IsWanted(IConfiguration configuration, string[] args) =>
        args.Contains("--seed-demo")
        || (configuration.GetValue<bool?>("Demo:Seed")
            ?? configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite) == DatabaseProvider.Sqlite);

    public static async Task SeedAsync(OrchestratorDbContext db, ILogger logger)
    {
        if (await db.Shops.AnyAsync())
        {
            return;
        }

        var hangzhou = new Warehouse { Code = "WH-HZ", Name = "杭州主仓", Province = "浙江省", City = "杭州市", District = "余杭区", Address = "仓前街道文一西路1001号", ContactName = "王仓管", ContactPhone = "13800000001" };
        var guangzhou = new Warehouse { Code = "WH-GZ", Name = "广州分仓", Province = "广东省", City = "广州市", District = "白云区", Address = "太和镇大源北路88号", ContactName = "李仓管", ContactPhone = "13800000002" };
        var sf = new LogisticsCompany { Code = "SF", Name = "顺丰速运", PlatformLogisticsCode = "SF", SupportsCod = true, WaybillProvider = WaybillProviderKind.SF };
        var yto = new LogisticsCompany { Code = "YTO", Name = "圆通速递", PlatformLogisticsCode = "YTO", SupportsCod = false, WaybillProvider = WaybillProviderKind.Cainiao };
        db.AddRange(hangzhou, guangzhou, sf, yto);
        await db.SaveChangesAsync();

        // Freight templates (运费模板) as small sellers are quoted: first kg, then per started kg; nearby provinces cheaper.
        db.FreightRates.AddRange(
            Rate(sf, "浙江省", 12m, 2m), Rate(sf, "江苏省", 12m, 2m), Rate(sf, "上海市", 12m, 2m), Rate(sf, "广东省", 13m, 2m), Rate(sf, FreightRate.AnyProvince, 18m, 6m),
            Rate(yto, "浙江省", 4m, 1m), Rate(yto, "江苏省", 4.5m, 1m), Rate(yto, "上海市", 4.5m, 1m), Rate(yto, "广东省", 6m, 2m), Rate(yto, FreightRate.AnyProvince, 8m, 4m));

        Goods[] goods =
        [
            NewGoods("TEA-LJ-250", "6901234500011", "西湖龙井 250g", "250g/罐", 0.32m, 168m),
            NewGoods("TEA-BLC-100", "6901234500028", "碧螺春 100g", "100g/袋", 0.12m, 88m),
            NewGoods("CUP-GLASS-01", "6901234500035", "双层玻璃茶杯", "350ml", 0.28m, 39m),
            NewGoods("GIFT-BOX-01", "6901234500042", "礼盒包装", "大号", 0.45m, 15m),
            NewGoods("TEA-PUER-357", "6901234500059", "普洱茶饼 357g", "357g/饼", 0.40m, 228m),
        ];
        db.Goods.AddRange(goods);
        await db.SaveChangesAsync();

        db.Combos.Add(new Combo
        {
            Code = "SET-TEA-GIFT",
            Name = "龙井礼盒套装 (龙井+茶杯+礼盒)",
            Items =
            [
                new ComboItem { GoodsId = goods[0].Id, Quantity = 1 },
                new ComboItem { GoodsId = goods[2].Id, Quantity = 2 },
                new ComboItem { GoodsId = goods[3].Id, Quantity = 1 },
            ],
        });

        // Opening stock (期初库存): plenty in Hangzhou; Guangzhou holds no Pu'er, so JD orders for it show out-of-stock handling.
        var now = DateTime.UtcNow;
        foreach (var (warehouse, g) in goods.Select(g => (hangzhou, g)).Concat(goods.Where(g => g.MerchantCode != "TEA-PUER-357").Select(g => (guangzhou, g))))
        {
            db.StockItems.Add(new StockItem { WarehouseId = warehouse.Id, GoodsId = g.Id, OnHand = 500, UpdatedAt = now });
            db.StockMovements.Add(new StockMovement { WarehouseId = warehouse.Id, GoodsId = g.Id, Delta = 500, OnHandAfter = 500, Reason = "期初库存 opening stock", At = now });
        }

        var platforms = await db.Platforms.ToDictionaryAsync(p => p.Code);
        db.Shops.Add(new Shop
        {
            Code = "tb-tea-flagship",
            Name = "茶语旗舰店 (淘宝)",
            PlatformId = platforms["taobao"].Id,
            DefaultWarehouseId = hangzhou.Id,
            DefaultLogisticsCompanyId = yto.Id,
            AccountingPartner = "淘宝-茶语旗舰店",
            DefaultEmployee = "淘宝客服虚拟员工",
            Warehouses = [new ShopWarehouse { WarehouseId = hangzhou.Id, Priority = 1 }, new ShopWarehouse { WarehouseId = guangzhou.Id, Priority = 2 }],
        });
        db.Shops.Add(new Shop
        {
            Code = "jd-tea-self",
            Name = "茶语京东自营店",
            PlatformId = platforms["jd"].Id,
            DefaultWarehouseId = guangzhou.Id,
            DefaultLogisticsCompanyId = sf.Id,
            AccountingPartner = "京东-茶语自营店",
            DefaultEmployee = "京东客服虚拟员工",
            AllowOutOfStock = true,
            Warehouses = [new ShopWarehouse { WarehouseId = guangzhou.Id, Priority = 1 }],
        });
        await db.SaveChangesAsync();
        LogSeeded(logger);
    }

    private static FreightRate Rate(LogisticsCompany carrier, string province, decimal firstFee, decimal additionalFee) => new()
    {
        LogisticsCompanyId = carrier.Id,
        Province = province,
        FirstWeightKg = 1m,
        FirstFee = firstFee,
        AdditionalUnitKg = 1m,
        AdditionalFee = additionalFee,
    };

    private static Goods NewGoods(string code, string barcode, string name, string spec, decimal weightKg, decimal price) => new()
    {
        MerchantCode = code,
        Barcode = barcode,
        Name = name,
        Spec = spec,
        WeightKg = weightKg,
        Price = price,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data created: shops tb-tea-flagship and jd-tea-self, 5 goods with opening stock, combo SET-TEA-GIFT, 2 warehouses, 2 carriers with freight rates")]
    private static partial void LogSeeded(ILogger logger);
}
