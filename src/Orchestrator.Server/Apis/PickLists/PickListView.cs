using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Persistence;

namespace Orchestrator.Server.Apis.PickLists;

/// <summary>Reads a wave with its orders and goods, and adds up what to pick per goods: of each order, its packages in the wave's warehouse.</summary>
internal static class PickListView
{
    public static async Task<PickListResponse> LoadAsync(OrchestratorDbContext db, PickList wave, CancellationToken ct)
    {
        var warehouse = await db.Warehouses.AsNoTracking().FirstAsync(w => w.Id == wave.WarehouseId, ct);
        var positions = wave.Orders.ToDictionary(o => o.OrderId, o => o.Position);
        var ids = positions.Keys.ToList();
        var orders = (await db.SalesOrders.AsNoTracking().AsSplitQuery().Where(o => ids.Contains(o.Id)).ToListAsync(ct))
            .OrderBy(o => positions[o.Id]).ToList();
        var carrierIds = orders.Select(o => o.LogisticsCompanyId).OfType<long>().Distinct().ToList();
        var carriers = await db.LogisticsCompanies.AsNoTracking().Where(l => carrierIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        var packages = (await db.Packages.AsNoTracking().Where(p => ids.Contains(p.OrderId) && p.WarehouseId == wave.WarehouseId).ToListAsync(ct))
            .Where(p => p.Status != PackageStatus.Cancelled).ToLookup(p => p.OrderId);
        var picks = orders.SelectMany(o => packages.Contains(o.Id)
                ? packages[o.Id].SelectMany(p => p.Lines).Select(l => (Order: o, l.GoodsId, l.Quantity))
                : o.Lines.SelectMany(l => l.Items).Select(i => (Order: o, i.GoodsId, i.Quantity)))
            .ToList();
        var goodsIds = picks.Select(p => p.GoodsId).Distinct().ToList();
        var goods = await db.Goods.AsNoTracking().Where(g => goodsIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, ct);

        // No shelf locations yet: merchant codes are how the shelves are labelled, so their order is the walk.
        var items = picks.GroupBy(p => p.GoodsId)
            .Select(g => new PickListItemResponse(g.Key, goods[g.Key].MerchantCode, goods[g.Key].Name, goods[g.Key].Spec, goods[g.Key].Barcode, g.Sum(p => p.Quantity),
                g.GroupBy(p => p.Order.Id).Select(o => new PickListItemOrder(o.Key, o.First().Order.PlatformOrderId, o.Sum(p => p.Quantity))).ToList()))
            .OrderBy(i => i.MerchantCode, StringComparer.Ordinal)
            .ToList();
        var lines = orders.Select(o => new PickListOrderResponse(positions[o.Id], o.Id, o.PlatformOrderId, o.Status, o.ReceiverName,
            o.LogisticsCompanyId is { } c ? carriers.GetValueOrDefault(c) : null,
            packages.Contains(o.Id) ? string.Join(' ', packages[o.Id].Select(p => p.TrackingNumber).OfType<string>()) : o.TrackingNumber, o.PayTime)).ToList();
        return new PickListResponse(wave.Id, wave.WarehouseId, warehouse.Code, warehouse.Name, wave.Status, wave.ShopId, wave.LogisticsCompanyId,
            wave.CreatedAt, wave.ConfirmedAt, items.Sum(i => i.TotalQuantity), items, lines);
    }
}
