using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain;
using Orchestrator.Domain.Inventory;
using Orchestrator.Lifecycle.Inventory;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Integrations;
using Orchestrator.Persistence.Inventory;
using Orchestrator.Server.Security;
using GoodsRecord = Orchestrator.Domain.Catalog.Goods;

namespace Orchestrator.Server.Apis.Stock;

/// <summary>Stock per warehouse and goods, and adjustments (receipts, stock-takes, write-offs) with an audit row each.</summary>
internal static partial class StockApi
{
    public static IEndpointRouteBuilder MapStockApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Stock");
        group.MapGet("/stock", List).ForReaders();
        group.MapPost("/warehouses/{warehouseId:long}/stock:adjust", Adjust).Validate<StockAdjustmentRequest>().ForOpsLeads();
        group.MapPost("/stock:transfer", Transfer).Validate<StockTransferRequest>().ForOpsLeads();
        return routes;
    }

    private static async Task<IResult> List(
        OrchestratorDbContext db, [AsParameters] PageQuery page, long? warehouseId, long? goodsId, string? merchantCode, bool? lowStock, CancellationToken ct)
    {
        if (page.Problem() is { } problem)
        {
            return problem;
        }

        var query = db.StockItems.AsNoTracking()
            .Join(db.Goods, s => s.GoodsId, g => g.Id, (s, g) => new { Stock = s, g.MerchantCode, g.NormalizedMerchantCode, g.LowStockThreshold });
        if (lowStock == true)
        {
            query = query.Where(x => x.LowStockThreshold != null && x.Stock.OnHand - x.Stock.Reserved <= x.LowStockThreshold);
        }

        if (warehouseId is { } warehouse)
        {
            query = query.Where(x => x.Stock.WarehouseId == warehouse);
        }

        if (goodsId is { } goods)
        {
            query = query.Where(x => x.Stock.GoodsId == goods);
        }

        if (!string.IsNullOrWhiteSpace(merchantCode))
        {
            var code = MerchantCode.Normalize(merchantCode);
            query = query.Where(x => x.NormalizedMerchantCode == code);
        }

        return Results.Ok(await query.OrderBy(x => x.Stock.WarehouseId).ThenBy(x => x.MerchantCode)
            .ToPageAsync(page, x => Response(x.Stock, x.MerchantCode, x.LowStockThreshold), ct));
    }

    private static async Task<IResult> Adjust(
        long warehouseId, StockAdjustmentRequest request, OrchestratorDbContext db, StockArrivals arrivals, TimeProvider clock, ILogger<StockAdjustmentRequest> logger,
        CancellationToken ct)
    {
        if (!await db.Warehouses.AnyAsync(w => w.Id == warehouseId, ct))
        {
            return Problems.NotFound("Warehouse", warehouseId);
        }

        // Two adjustments of one item at once: the loser reads the winner's count and applies its change on top.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AdjustOnceAsync(warehouseId, request, db, arrivals, clock, logger, ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<IResult> AdjustOnceAsync(
        long warehouseId, StockAdjustmentRequest request, OrchestratorDbContext db, StockArrivals arrivals, TimeProvider clock, ILogger logger,
        CancellationToken ct)
    {
        var items = request.Items!;
        var codes = items.Where(i => i.MerchantCode is not null).Select(i => MerchantCode.Normalize(i.MerchantCode!)).Distinct().ToList();
        var ids = items.Where(i => i.GoodsId is not null).Select(i => i.GoodsId!.Value).Distinct().ToList();
        var goods = await db.Goods.AsNoTracking().Where(g => codes.Contains(g.NormalizedMerchantCode) || ids.Contains(g.Id)).ToListAsync(ct);
        var errors = new Dictionary<string, string[]>();
        var resolved = new List<(int Index, GoodsRecord Goods, StockAdjustmentItem Item)>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var match = item.GoodsId is { } id
                ? goods.FirstOrDefault(g => g.Id == id)
                : goods.FirstOrDefault(g => g.NormalizedMerchantCode == MerchantCode.Normalize(item.MerchantCode!));
            if (match is null)
            {
                errors[item.GoodsId is null ? $"items[{i}].merchantCode" : $"items[{i}].goodsId"] =
                    [$"No goods has {(item.GoodsId is null ? $"merchant code '{item.MerchantCode}'" : $"id {item.GoodsId}")}."];
                continue;
            }

            resolved.Add((i, match, item));
        }

        var goodsIds = resolved.Select(r => r.Goods.Id).Distinct().ToList();
        var stock = await db.StockItems.Where(s => s.WarehouseId == warehouseId && goodsIds.Contains(s.GoodsId)).ToDictionaryAsync(s => s.GoodsId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var arrived = false;
        foreach (var (index, g, item) in resolved)
        {
            if (!stock.TryGetValue(g.Id, out var row))
            {
                stock[g.Id] = row = new StockItem { WarehouseId = warehouseId, GoodsId = g.Id };
                db.StockItems.Add(row);
            }

            var after = item.OnHand ?? row.OnHand + item.Delta!.Value;
            if (after < row.Reserved)
            {
                errors[item.OnHand is null ? $"items[{index}].delta" : $"items[{index}].onHand"] =
                    [$"{g.MerchantCode} would have {after} on hand, below the {row.Reserved} reserved for allocated orders (now {row.OnHand})."];
                continue;
            }

            arrived |= after > row.OnHand;
            db.StockMovements.Add(new StockMovement
            {
                WarehouseId = warehouseId,
                GoodsId = g.Id,
                Delta = after - row.OnHand,
                OnHandAfter = after,
                Reason = request.Reason!,
                Reference = request.Reference,
                At = now,
            });
            row.OnHand = after;
            row.UpdatedAt = now;
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Problems.Invalid(errors);
        }

        StockSyncOutbox.Add(db, resolved.Select(r => r.Goods.Id), now);
        await db.SaveChangesAsync(ct);
        LogAdjusted(logger, warehouseId, resolved.Count, request.Reason!);
        if (arrived)
        {
            arrivals.Signal();
        }

        var codesById = goods.ToDictionary(g => g.Id, g => g.MerchantCode);
        return Results.Ok(new StockAdjustmentResponse(stock.Values.Select(s => Response(s, codesById[s.GoodsId])).ToList(), arrived));
    }

    /// <summary>调拨: moves available stock between warehouses in one transaction, never more than the source has free.</summary>
    private static async Task<IResult> Transfer(
        StockTransferRequest request, OrchestratorDbContext db, StockLedger ledger, StockArrivals arrivals, TimeProvider clock, ILogger<StockTransferRequest> logger,
        CancellationToken ct)
    {
        var (from, to) = (request.FromWarehouseId!.Value, request.ToWarehouseId!.Value);
        var known = await db.Warehouses.Where(w => w.Id == from || w.Id == to).Select(w => w.Id).ToListAsync(ct);
        if (!known.Contains(from) || !known.Contains(to))
        {
            return Problems.Invalid(!known.Contains(from) ? "fromWarehouseId" : "toWarehouseId", $"No warehouse has id {(!known.Contains(from) ? from : to)}.");
        }

        var items = request.Items!;
        var codes = items.Select(i => MerchantCode.Normalize(i.MerchantCode!)).Distinct().ToList();
        var goods = await db.Goods.AsNoTracking().Where(g => codes.Contains(g.NormalizedMerchantCode)).ToDictionaryAsync(g => g.NormalizedMerchantCode, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var reference = request.Reference ?? $"transfer {from}→{to}";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        for (var i = 0; i < items.Count; i++)
        {
            if (!goods.TryGetValue(MerchantCode.Normalize(items[i].MerchantCode!), out var g))
            {
                return Problems.Invalid($"items[{i}].merchantCode", $"No goods has merchant code '{items[i].MerchantCode}'.");
            }

            var quantity = items[i].Quantity!.Value;
            if (await ledger.TryTransferAsync(from, to, g.Id, quantity, request.Reason!, reference, now, ct) is { } available)
            {
                return Problems.Invalid($"items[{i}].quantity", $"Warehouse {from} has {available} × {g.MerchantCode} free to move, not {quantity}.");
            }
        }

        await transaction.CommitAsync(ct);
        LogTransferred(logger, from, to, items.Count);
        arrivals.Signal();
        var ids = goods.Values.Select(g => g.Id).ToList();
        var rows = await db.StockItems.AsNoTracking().Where(s => (s.WarehouseId == from || s.WarehouseId == to) && ids.Contains(s.GoodsId)).ToListAsync(ct);
        var codesById = goods.Values.ToDictionary(g => g.Id, g => g.MerchantCode);
        return Results.Ok(rows.OrderBy(r => r.WarehouseId).Select(r => Response(r, codesById[r.GoodsId])).ToList());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stock transferred from warehouse {From} to {To}: {Items} items")]
    private static partial void LogTransferred(ILogger logger, long from, long to, int items);

    private static StockItemResponse Response(StockItem s, string merchantCode, int? lowStockThreshold = null) =>
        new(s.WarehouseId, s.GoodsId, merchantCode, s.OnHand, s.Reserved, s.OnHand - s.Reserved, s.UpdatedAt, s.Version, lowStockThreshold,
            lowStockThreshold is { } threshold && s.OnHand - s.Reserved <= threshold);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stock adjusted in warehouse {WarehouseId}: {Items} items ({Reason})")]
    private static partial void LogAdjusted(ILogger logger, long warehouseId, int items, string reason);
}
