using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain;
using Orchestrator.Integrations.Runtime.StockSync;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Integrations;

using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.StockSync;

/// <summary>库存同步 per shop: settings, the goods and combos added to sync, a manual full push, and what was last pushed.</summary>
internal static class StockSyncApi
{
    public static IEndpointRouteBuilder MapStockSyncApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/shops/{shopId:long}/stock-sync").WithTags("Stock sync");
        group.MapGet("/", Get).ForReaders();
        group.MapPut("/", PutSettings).Validate<StockSyncSettingsRequest>().ForOpsLeads();
        group.MapPost("/items", AddItems).Validate<StockSyncItemsRequest>().ForOpsLeads();
        group.MapDelete("/items/{merchantCode}", RemoveItem).ForOpsLeads();
        routes.MapPost("/api/shops/{shopId:long}/stock-sync:run", Run).WithTags("Stock sync").ForOpsLeads();
        return routes;
    }

    private static async Task<IResult> Get(long shopId, OrchestratorDbContext db, StockSyncCalculator calculator, CancellationToken ct) =>
        await db.Shops.AnyAsync(s => s.Id == shopId, ct) ? Results.Ok(await ReportAsync(shopId, db, calculator, ct)) : Problems.NotFound("Shop", shopId);

    private static async Task<IResult> PutSettings(
        long shopId, StockSyncSettingsRequest request, OrchestratorDbContext db, StockSyncCalculator calculator, CancellationToken ct)
    {
        if (!await db.Shops.AnyAsync(s => s.Id == shopId, ct))
        {
            return Problems.NotFound("Shop", shopId);
        }

        var settings = await db.StockSyncSettings.FirstOrDefaultAsync(s => s.ShopId == shopId, ct);
        if (settings is null)
        {
            settings = new StockSyncSettings { ShopId = shopId };
            db.StockSyncSettings.Add(settings);
        }

        settings.IsEnabled = request.Enabled!.Value;
        settings.Ratio = request.Ratio ?? 1m;
        settings.MinimumQuantity = request.MinimumQuantity ?? 0;
        await db.SaveChangesAsync(ct);

        // New settings change every quantity: all items go out again (the worker skips none, their quantities differ or were never sent).
        await db.StockSyncItems.Where(i => i.ShopId == shopId).ExecuteUpdateAsync(set => set.SetProperty(i => i.IsPending, true), ct);
        return Results.Ok(await ReportAsync(shopId, db, calculator, ct));
    }

    private static async Task<IResult> AddItems(
        long shopId, StockSyncItemsRequest request, OrchestratorDbContext db, StockSyncCalculator calculator, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Shops.AnyAsync(s => s.Id == shopId, ct))
        {
            return Problems.NotFound("Shop", shopId);
        }

        var codes = request.MerchantCodes!.Select(MerchantCode.Normalize).ToList();
        var known = await db.Goods.Where(g => codes.Contains(g.NormalizedMerchantCode)).Select(g => g.NormalizedMerchantCode)
            .Concat(db.Combos.Where(c => codes.Contains(c.NormalizedCode)).Select(c => c.NormalizedCode))
            .Concat(db.MerchantCodeMappings.Where(m => codes.Contains(m.NormalizedCode)).Select(m => m.NormalizedCode)).ToListAsync(ct);
        var errors = codes.Select((code, i) => (code, i)).Where(x => !known.Contains(x.code))
            .ToDictionary(x => $"merchantCodes[{x.i}]", x => new[] { $"No goods or combo has merchant code '{request.MerchantCodes![x.i]}'." });
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var existing = await db.StockSyncItems.Where(i => i.ShopId == shopId && codes.Contains(i.NormalizedMerchantCode)).Select(i => i.NormalizedMerchantCode).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (code, i) in codes.Select((code, i) => (code, i)).Where(x => !existing.Contains(x.code)).DistinctBy(x => x.code))
        {
            db.StockSyncItems.Add(new StockSyncItem
            {
                ShopId = shopId,
                MerchantCode = request.MerchantCodes![i].Trim(),
                NormalizedMerchantCode = code,
                IsPending = true,
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(ct);
        return Results.Ok(await ReportAsync(shopId, db, calculator, ct));
    }

    private static async Task<IResult> RemoveItem(long shopId, string merchantCode, OrchestratorDbContext db, CancellationToken ct)
    {
        var code = MerchantCode.Normalize(merchantCode);
        return await db.StockSyncItems.Where(i => i.ShopId == shopId && i.NormalizedMerchantCode == code).ExecuteDeleteAsync(ct) > 0
            ? Results.NoContent()
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not synced", detail: $"Shop {shopId} does not sync merchant code '{merchantCode}'.");
    }

    /// <summary>立即同步: pushes every synced item of the shop now and answers the report.</summary>
    private static async Task<IResult> Run(long shopId, OrchestratorDbContext db, StockSyncPusher pusher, StockSyncCalculator calculator, CancellationToken ct)
    {
        if (!await db.Shops.AnyAsync(s => s.Id == shopId, ct))
        {
            return Problems.NotFound("Shop", shopId);
        }

        if (await db.StockSyncSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ShopId == shopId, ct) is not { IsEnabled: true })
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Stock sync is off",
                detail: $"Stock sync is off for shop {shopId}: PUT /api/shops/{shopId}/stock-sync with enabled true first.");
        }

        await pusher.PushShopAsync(shopId, ct);
        db.ChangeTracker.Clear();
        return Results.Ok(await ReportAsync(shopId, db, calculator, ct));
    }

    private static async Task<StockSyncResponse> ReportAsync(long shopId, OrchestratorDbContext db, StockSyncCalculator calculator, CancellationToken ct)
    {
        var settings = await db.StockSyncSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ShopId == shopId, ct) ?? new StockSyncSettings { ShopId = shopId };
        var items = await db.StockSyncItems.AsNoTracking().Where(i => i.ShopId == shopId).OrderBy(i => i.MerchantCode).ToListAsync(ct);
        var lines = await calculator.ComputeAsync(shopId, settings, items.Select(i => i.MerchantCode).ToList(), ct);
        return new StockSyncResponse(shopId, settings.IsEnabled, settings.Ratio, settings.MinimumQuantity, items.Select(i =>
        {
            var line = lines[i.NormalizedMerchantCode];
            return new StockSyncItemResponse(i.MerchantCode, line.Kind, line.Available, line.Quantity, i.LastPushedQuantity, i.LastPushedAt, i.LastAttemptAt,
                i.LastError, i.FailedAttempts, i.IsPending, i.NextAttemptAt);
        }).ToList());
    }
}
