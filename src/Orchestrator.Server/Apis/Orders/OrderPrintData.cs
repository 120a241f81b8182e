using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Persistence;
using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.Orders;

/// <summary>
/// <c>POST /api/orders:print-data</c>: the labels and pick list of a selection of orders, for the designer's print view.
/// Packages (with their live tracking numbers) where allocation made them; an order before allocation prints one label
/// from its mapped goods. Orders of shops or warehouses the caller does not have are left out and named in <c>notPrinted</c>.
/// </summary>
internal static class OrderPrintData
{
    public static async Task<IResult> ReadAsync(PrintDataRequest request, HttpContext http, OrchestratorDbContext db, CancellationToken ct)
    {
        var ids = request.OrderIds!.Distinct().ToList();
        var orders = await db.SalesOrders.AsNoTracking().AsSplitQuery().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var packages = (await db.Packages.AsNoTracking().Where(p => ids.Contains(p.OrderId)).ToListAsync(ct))
            .Where(p => p.Status != PackageStatus.Cancelled).ToLookup(p => p.OrderId);
        var shops = await db.Shops.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var warehouses = await db.Warehouses.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        var companies = await db.LogisticsCompanies.AsNoTracking().Select(c => new { c.Id, c.Code, c.Name }).ToListAsync(ct);
        var carriers = companies.ToDictionary(c => c.Id, c => c.Name);
        var carriersByCode = companies.GroupBy(c => c.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.OrdinalIgnoreCase);

        // A label names the carrier whose waybill its number is: a package re-issued with another courier than the order's.
        var issuedBy = (await db.Waybills.AsNoTracking().Where(w => ids.Contains(w.OrderId) && w.CancelRequestedAt == null)
                .Select(w => new { w.OrderId, w.TrackingNumber, w.CarrierCode }).ToListAsync(ct))
            .GroupBy(w => (w.OrderId, w.TrackingNumber)).ToDictionary(g => g.Key, g => g.First().CarrierCode);

        var labels = new List<PrintLabel>();
        var refused = new List<PrintRefusal>();
        foreach (var id in ids)
        {
            if (!orders.TryGetValue(id, out var order))
            {
                refused.Add(new PrintRefusal(id, StatusCodes.Status404NotFound, $"No order has id {id}."));
                continue;
            }

            var parcels = packages[id].OrderBy(p => p.Sequence).ToList();
            if (!http.User.CanReadOrder(order.ShopId, parcels.Select(p => (long?)p.WarehouseId).Append(order.WarehouseId)))
            {
                refused.Add(new PrintRefusal(id, StatusCodes.Status403Forbidden, $"Order {id} is in no shop or warehouse assigned to you."));
                continue;
            }

            var address = string.Join(" ", new[] { order.ReceiverProvince, order.ReceiverCity, order.ReceiverDistrict, order.ReceiverAddress }.Where(s => !string.IsNullOrWhiteSpace(s)));
            var orderCarrier = order.LogisticsCompanyId is { } c ? carriers.GetValueOrDefault(c) : null;
            string? Carrier(string? tracking) =>
                tracking is not null && issuedBy.TryGetValue((order.Id, tracking), out var code) ? carriersByCode.GetValueOrDefault(code) ?? code : orderCarrier;
            PrintLabel Label(int sequence, int count, string? tracking, long? warehouse, IEnumerable<PrintLine> lines) => new(
                order.Id, order.PlatformOrderId, shops.GetValueOrDefault(order.ShopId) ?? $"#{order.ShopId}", sequence, count, tracking, Carrier(tracking),
                warehouse is { } w ? warehouses.GetValueOrDefault(w) : null, order.ReceiverName, order.ReceiverMobile, address, order.BuyerMessage, order.SellerMemo,
                [.. lines]);

            if (parcels.Count > 0)
            {
                labels.AddRange(parcels.Select(p => Label(p.Sequence, parcels.Count, p.TrackingNumber, p.WarehouseId,
                    p.Lines.OrderBy(l => l.LineNo).Select(l => new PrintLine(l.MerchantCode, null, l.Quantity)))));
            }
            else
            {
                var goods = order.Lines.OrderBy(l => l.LineNo).SelectMany(l => l.Items.Count > 0
                    ? l.Items.Select(i => new PrintLine(i.MerchantCode, null, i.Quantity))
                    : new[] { new PrintLine(l.MatchedMerchantCode ?? l.MerchantCode ?? "?", l.Title, l.Quantity) });
                labels.Add(Label(1, 1, order.TrackingNumber, order.WarehouseId, goods));
            }
        }

        var codes = labels.SelectMany(l => l.Lines).Select(l => l.MerchantCode).Distinct().ToList();
        var names = (await db.Goods.AsNoTracking().Where(g => codes.Contains(g.MerchantCode)).Select(g => new { g.MerchantCode, g.Name, g.Spec }).ToListAsync(ct))
            .GroupBy(g => g.MerchantCode, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        labels = [.. labels.Select(l => l with { Lines = [.. l.Lines.Select(x => x with { Name = names.GetValueOrDefault(x.MerchantCode)?.Name ?? x.Name })] })];
        var pickList = labels
            .SelectMany(l => l.Lines.Select(x => (Label: l, Line: x)))
            .GroupBy(x => (Code: x.Line.MerchantCode.ToUpperInvariant(), x.Label.Warehouse))
            .Select(g => new PrintPickItem(
                g.First().Line.MerchantCode, g.First().Line.Name, names.GetValueOrDefault(g.First().Line.MerchantCode)?.Spec, g.Key.Warehouse, g.Sum(x => x.Line.Quantity),
                [.. g.GroupBy(x => x.Label.OrderId).Select(o => new PrintPickOrder(o.Key, o.First().Label.PlatformOrderId, o.Sum(x => x.Line.Quantity)))]))
            .OrderBy(p => p.Warehouse, StringComparer.Ordinal).ThenBy(p => p.MerchantCode, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return Results.Ok(new PrintDataResponse(labels, pickList, refused));
    }
}
