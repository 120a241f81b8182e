using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Catalog;
using Orchestrator.Domain.Orders;
using Orchestrator.Lifecycle.Providers;
using Orchestrator.Persistence;
using Orchestrator.Rules;

namespace Orchestrator.Lifecycle.Review;

/// <summary>Gathers what review rules see of an order: its own fields plus shop, platform, buyer history, blacklist, weight and stock.</summary>
public sealed class OrderFactsBuilder(OrchestratorDbContext db, IStockAvailability stock, TimeProvider clock)
{
    /// <summary>The facts and the order's platform id (for the platform's global rule set).</summary>
    public async Task<(OrderFacts Facts, long PlatformId)> BuildAsync(SalesOrder order, CancellationToken ct)
    {
        var shop = await db.Shops.AsNoTracking().Where(s => s.Id == order.ShopId)
            .Select(s => new { s.Code, s.PlatformId, PlatformCode = s.Platform!.Code }).FirstAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var (last7, last30) = await BuyerOrdersAsync(order, shop.PlatformId, now, ct);
        var normalizedNick = TextNormalizer.Normalize(order.BuyerNick);
        var blacklisted = normalizedNick.Length > 0
            && await db.BuyerBlacklist.AnyAsync(b => b.PlatformId == shop.PlatformId && b.NormalizedBuyerNick == normalizedNick, ct);
        var shortages = await stock.ShortagesAsync(order, ct);

        var facts = new OrderFacts
        {
            ShopCode = shop.Code,
            PlatformCode = shop.PlatformCode,
            Payment = order.Payment,
            Discount = order.DiscountFee,
            PostFee = order.PostFee,
            BuyerNick = order.BuyerNick,
            BuyerMessage = order.BuyerMessage,
            SellerMemo = order.SellerMemo,
            ReceiverProvince = order.ReceiverProvince,
            ReceiverCity = order.ReceiverCity,
            ReceiverDistrict = order.ReceiverDistrict,
            ReceiverAddress = order.ReceiverAddress,
            LineCount = order.Lines.Count,
            MerchantCodes = order.Lines.Where(l => l.MerchantCode is not null).Select(l => l.MerchantCode!).ToList(),
            TotalQuantity = order.Lines.Sum(l => l.Quantity),
            WeightKg = await WeightAsync(order, ct),
            PayTime = order.PayTime,
            ReceivedAt = order.ReceivedAt,
            IsCod = order.IsCod,
            HasUnmappedSku = order.HasUnmappedSku || order.Lines.Any(l => l.Mapping == LineMappingKind.Unmapped),
            OutOfStockLines = shortages.Select(s => s.LineNo).Distinct().Count(),
            HasOutOfStockLine = shortages.Count > 0,
            BuyerOrdersLast7Days = last7,
            BuyerOrdersLast30Days = last30,
            AddressChangedAfterPayment = order.AddressChangedAfterPayment,
            BuyerOnBlacklist = blacklisted,
        };
        return (facts, shop.PlatformId);
    }

    // Other orders by the same buyer nick in any shop of the same platform (nicks are per platform).
    private async Task<(int Last7, int Last30)> BuyerOrdersAsync(SalesOrder order, long platformId, DateTime now, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(order.BuyerNick))
        {
            return (0, 0);
        }

        var since30 = now.AddDays(-30);
        var since7 = now.AddDays(-7);
        // Counted by the database (on the BuyerNick, ReceivedAt index): a buyer with many orders costs no more rows read back.
        var counts = await db.SalesOrders.AsNoTracking()
            .Where(o => o.BuyerNick == order.BuyerNick && o.Id != order.Id && o.ReceivedAt >= since30)
            .Join(db.Shops.Where(s => s.PlatformId == platformId), o => o.ShopId, s => s.Id, (o, s) => o.ReceivedAt)
            .GroupBy(_ => 1)
            .Select(g => new { Last7 = g.Count(r => r >= since7), Last30 = g.Count() })
            .SingleOrDefaultAsync(ct);
        return counts is null ? (0, 0) : (counts.Last7, counts.Last30);
    }

    private async Task<decimal> WeightAsync(SalesOrder order, CancellationToken ct)
    {
        var items = order.Lines.SelectMany(l => l.Items).ToList();
        var ids = items.Select(i => i.GoodsId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return 0;
        }

        var weights = await db.Goods.AsNoTracking().Where(g => ids.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.WeightKg, ct);
        return items.Sum(i => weights.GetValueOrDefault(i.GoodsId) * i.Quantity);
    }
}
