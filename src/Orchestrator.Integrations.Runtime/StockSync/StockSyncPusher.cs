using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orchestrator.Integrations.Platforms;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Integrations;

namespace Orchestrator.Integrations.Runtime.StockSync;

/// <summary>
/// Turns outbox rows into pending sync items and pushes quantities to the platforms: each item's outcome (quantity
/// and time, or the error and when to try again) is recorded; a quantity equal to the last acknowledged one is not sent again.
/// </summary>
public sealed partial class StockSyncPusher(
    OrchestratorDbContext db, StockSyncCalculator calculator, PlatformAdapters platforms, IOptions<StockSyncOptions> options, TimeProvider clock,
    ILogger<StockSyncPusher> logger)
{
    private const int OutboxBatch = 500;

    /// <summary>
    /// Marks pending every synced item of every shop whose goods (or a component of whose combo) changed, and deletes
    /// those outbox rows, in one transaction. Returns how many outbox rows were taken.
    /// </summary>
    public async Task<int> DrainOutboxAsync(CancellationToken cancellationToken)
    {
        var changes = await db.StockChanges.AsNoTracking().OrderBy(c => c.Id).Take(OutboxBatch).ToListAsync(cancellationToken);
        if (changes.Count == 0)
        {
            return 0;
        }

        var goodsIds = changes.Select(c => c.GoodsId).Distinct().ToList();
        var combosOfGoods = db.Combos.AsNoTracking().Where(c => c.Items.Any(i => goodsIds.Contains(i.GoodsId)));
        var codes = await db.Goods.AsNoTracking().Where(g => goodsIds.Contains(g.Id)).Select(g => g.NormalizedMerchantCode)
            .Concat(combosOfGoods.Select(c => c.NormalizedCode))
            .Concat(db.MerchantCodeMappings.AsNoTracking()
                .Where(m => (m.GoodsId != null && goodsIds.Contains(m.GoodsId.Value)) || (m.ComboId != null && combosOfGoods.Any(c => c.Id == m.ComboId)))
                .Select(m => m.NormalizedCode))
            .ToListAsync(cancellationToken);
        var ids = changes.Select(c => c.Id).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.StockSyncItems.Where(i => codes.Contains(i.NormalizedMerchantCode))
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.IsPending, true), cancellationToken);
        await db.StockChanges.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changes.Count;
    }

    /// <summary>Pushes the pending items whose backoff is over. Returns how many were looked at.</summary>
    public async Task<int> PushPendingAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.StockSyncItems.Where(i => i.IsPending && (i.NextAttemptAt == null || i.NextAttemptAt <= now)).ToListAsync(cancellationToken);
        foreach (var shop in due.GroupBy(i => i.ShopId))
        {
            await PushAsync(shop.Key, shop.ToList(), force: false, cancellationToken);
        }

        return due.Count;
    }

    /// <summary>A full push of every synced item of the shop (立即同步, the nightly run), unchanged quantities included.</summary>
    public async Task<IReadOnlyList<StockSyncLine>> PushShopAsync(long shopId, CancellationToken cancellationToken)
    {
        var items = await db.StockSyncItems.Where(i => i.ShopId == shopId).OrderBy(i => i.MerchantCode).ToListAsync(cancellationToken);
        return await PushAsync(shopId, items, force: true, cancellationToken);
    }

    private async Task<IReadOnlyList<StockSyncLine>> PushAsync(long shopId, List<StockSyncItem> items, bool force, CancellationToken cancellationToken)
    {
        var settings = await db.StockSyncSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ShopId == shopId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (settings is not { IsEnabled: true })
        {
            // Nothing goes to a platform while sync is off; turning it on pushes everything (see the API).
            items.ForEach(i => i.IsPending = false);
            await db.SaveChangesAsync(cancellationToken);
            return [];
        }

        var shop = await db.Shops.AsNoTracking().Where(s => s.Id == shopId).Select(s => new { s.Code, Platform = s.Platform!.Code }).FirstAsync(cancellationToken);
        var platform = platforms.For(shop.Code, shop.Platform);
        var lines = await calculator.ComputeAsync(shopId, settings, items.Select(i => i.MerchantCode).ToList(), cancellationToken);
        var pushed = new List<StockSyncLine>();
        foreach (var item in items)
        {
            var line = lines[item.NormalizedMerchantCode];
            if (!force && item.LastError is null && item.LastPushedQuantity == line.Quantity)
            {
                item.IsPending = false;
                continue;
            }

            item.LastAttemptAt = now;
            try
            {
                if (line.Kind is null)
                {
                    throw new PlatformCallException($"No enabled goods or combo has merchant code '{item.MerchantCode}'.");
                }

                if (platform is null)
                {
                    throw new PlatformCallException($"Shop {shopId} has no platform connection: set Platforms:{shop.Code}:BaseUrl.");
                }

                await platform.UpdateStockAsync(item.MerchantCode, line.Quantity, cancellationToken);
                item.LastPushedQuantity = line.Quantity;
                item.LastPushedAt = now;
                item.LastError = null;
                item.FailedAttempts = 0;
                item.NextAttemptAt = null;
                item.IsPending = false;
                pushed.Add(line);
            }
            catch (PlatformCallException ex)
            {
                item.FailedAttempts++;
                item.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                item.NextAttemptAt = now + Backoff(item.FailedAttempts);
                item.IsPending = true;
                LogPushFailed(logger, item.MerchantCode, shopId, item.FailedAttempts, item.NextAttemptAt.Value, ex.Message);
            }

            // One item's outcome at a time: a crash halfway keeps what the platform already acknowledged.
            await db.SaveChangesAsync(cancellationToken);
        }

        if (pushed.Count > 0)
        {
            LogPushed(logger, pushed.Count, shopId);
        }

        return items.Select(i => lines[i.NormalizedMerchantCode]).ToList();
    }

    private TimeSpan Backoff(int failures)
    {
        var delay = options.Value.RetryBaseDelay * Math.Pow(2, Math.Min(failures - 1, 16));
        return delay < options.Value.RetryMaxDelay ? delay : options.Value.RetryMaxDelay;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stock of {Count} merchant codes pushed to the platform of shop {ShopId}")]
    private static partial void LogPushed(ILogger logger, int count, long shopId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stock push of {MerchantCode} to shop {ShopId} failed ({Failures} in a row), next try at {NextAttemptAt}: {Error}")]
    private static partial void LogPushFailed(ILogger logger, string merchantCode, long shopId, int failures, DateTime nextAttemptAt, string error);
}
