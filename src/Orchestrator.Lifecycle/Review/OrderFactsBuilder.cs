using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Catalog;
using Orchestrator.Domain.Orders;
using Orchestrator.Lifecycle.Providers;
using Orchestrator.Persistence;
using Orchestrator.Persistence.ReferenceData;
using Orchestrator.Rules;

namespace Orchestrator.Lifecycle.Review;

/// <summary>
/// Gathers what review rules see of an order: its own fields plus shop, platform, buyer history, blacklist, weight and
/// stock. The last four cost queries each, so a caller that knows which fields its rules read (<see cref="FactNeeds"/>)
/// gets only those computed; the others keep their defaults and must not be shown as facts.
/// </summary>
public sealed class OrderFactsBuilder(OrchestratorDbContext db, ReferenceDataCache reference, IStockAvailability stock, TimeProvider clock)
{
    /// <summary>Every fact (dry runs and previews show them all) and the order's platform id (for the platform's global rule set).</summary>
    public async Task<(OrderFacts Facts, long PlatformId)> BuildAsync(SalesOrder order, CancellationToken ct)
    {
        var shop = await ShopAsync(order.ShopId, ct);
        return (await BuildAsync(order, shop, FactNeeds.All, ct), shop.PlatformId);
    }

    /// <summary>The shop's code and platform, which every evaluation needs (to find the platform's rule set).</summary>
    public async Task<ShopFacts> ShopAsync(long shopId, CancellationToken ct)
    {
        var shop = await reference.RequiredShopAsync(db, shopId, ct);
        return new ShopFacts(shop.Code, shop.PlatformId, shop.PlatformCode);
    }

    /// <summary>The facts <paramref name="needs"/> asks for, on top of the order's own fields (which cost nothing).</summary>
    public async Task<OrderFacts> BuildAsync(SalesOrder order, ShopFacts shop, FactNeeds needs, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (last7, last30) = needs.BuyerHistory ? await BuyerOrdersAsync(order, shop.PlatformId, now, ct) : (0, 0);
        var normalizedNick = needs.Blacklist ? TextNormalizer.Normalize(order.BuyerNick) : "";
        var blacklisted = normalizedNick.Length > 0
            && await db.BuyerBlacklist.AnyAsync(b => b.PlatformId == shop.PlatformId && b.NormalizedBuyerNick == normalizedNick, ct);
        var shortages = needs.Stock ? await stock.ShortagesAsync(order, ct) : [];

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
            WeightKg = needs.Weight ? await WeightAsync(order, ct) : 0,
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
        return facts;
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

        var weights = await reference.GoodsWeightsAsync(db, ids, ct);
        return items.Sum(i => weights.GetValueOrDefault(i.GoodsId) * i.Quantity);
    }
}

/// <summary>A shop as review rules see it.</summary>
public sealed record ShopFacts(string Code, long PlatformId, string PlatformCode);

/// <summary>Which of the costly facts to compute: the ones some rule reads (<see cref="CompiledRuleSet.FieldsUsed"/>).</summary>
public sealed record FactNeeds(bool BuyerHistory, bool Blacklist, bool Stock, bool Weight)
{
    public static FactNeeds All { get; } = new(true, true, true, true);

    public static FactNeeds None { get; } = new(false, false, false, false);

    /// <summary>What the fields read by <paramref name="sets"/> need (null sets read nothing).</summary>
    public static FactNeeds For(params CompiledRuleSet?[] sets)
    {
        var read = sets.Where(s => s is not null).SelectMany(s => s!.FieldsUsed)
            .Select(name => RuleFields.All.First(f => f.Name == name).Property).ToHashSet(StringComparer.Ordinal);
        return new FactNeeds(
            read.Contains(nameof(OrderFacts.BuyerOrdersLast7Days)) || read.Contains(nameof(OrderFacts.BuyerOrdersLast30Days)),
            read.Contains(nameof(OrderFacts.BuyerOnBlacklist)),
            read.Contains(nameof(OrderFacts.OutOfStockLines)) || read.Contains(nameof(OrderFacts.HasOutOfStockLine)),
            read.Contains(nameof(OrderFacts.WeightKg)));
    }
}
