using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain;
using Orchestrator.Lifecycle.Exceptions;
using Orchestrator.Persistence;

using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.Goods;

/// <summary>Single products (单品); a merchant code is unique among goods.</summary>
internal static class GoodsApi
{
    public static IEndpointRouteBuilder MapGoodsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/goods").WithTags("Goods");
        group.MapGet("/", List).ForReaders();
        group.MapGet("/{id:long}", Get).WithName("GetGoods").ForReaders();
        group.MapPost("/", Create).Validate<GoodsRequest>().ForOpsLeads();
        group.MapPut("/{id:long}", Update).Validate<GoodsRequest>().ForOpsLeads();
        return routes;
    }

    private static async Task<IResult> List(
        OrchestratorDbContext db, [AsParameters] PageQuery page, string? q, string? merchantCode, string? barcode, bool? isEnabled, CancellationToken ct)
    {
        if (page.Problem() is { } problem)
        {
            return problem;
        }

        var query = db.Goods.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(g => g.MerchantCode.Contains(q) || g.Name.Contains(q) || (g.Barcode != null && g.Barcode.Contains(q)));
        }

        if (!string.IsNullOrWhiteSpace(merchantCode))
        {
            var normalized = MerchantCode.Normalize(merchantCode);
            query = query.Where(g => g.NormalizedMerchantCode == normalized);
        }

        if (!string.IsNullOrWhiteSpace(barcode))
        {
            query = query.Where(g => g.Barcode == barcode);
        }

        if (isEnabled is { } enabled)
        {
            query = query.Where(g => g.IsEnabled == enabled);
        }

        return Results.Ok(await query.OrderBy(g => g.Id).ToPageAsync(page, GoodsResponse.From, ct));
    }

    private static async Task<IResult> Get(long id, OrchestratorDbContext db, CancellationToken ct) =>
        await db.Goods.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct) is { } goods
            ? Results.Ok(GoodsResponse.From(goods))
            : Problems.NotFound("Goods", id);

    private static async Task<IResult> Create(GoodsRequest request, OrchestratorDbContext db, CancellationToken ct)
    {
        if (await DuplicateCode(db, request.MerchantCode!, null, ct) is { } duplicate)
        {
            return duplicate;
        }

        var goods = new Domain.Catalog.Goods { MerchantCode = request.MerchantCode!, Name = "" };
        Apply(goods, request);
        db.Goods.Add(goods);
        await db.SaveChangesAsync(ct);
        return Results.CreatedAtRoute("GetGoods", new { id = goods.Id }, GoodsResponse.From(goods) with { OrdersWaitingOnCode = await UnmappedOrders.CountWaitingOnAsync(db, goods.MerchantCode, ct) });
    }

    private static async Task<IResult> Update(long id, GoodsRequest request, OrchestratorDbContext db, CancellationToken ct)
    {
        var goods = await db.Goods.FirstOrDefaultAsync(g => g.Id == id, ct);
        if (goods is null)
        {
            return Problems.NotFound("Goods", id);
        }

        if (Versioning.Conflict(db, goods, request.Version, "Goods") is { } conflict)
        {
            return conflict;
        }

        if (await DuplicateCode(db, request.MerchantCode!, goods, ct) is { } duplicate)
        {
            return duplicate;
        }

        Apply(goods, request);
        await db.SaveChangesAsync(ct);
        return Results.Ok(GoodsResponse.From(goods) with { OrdersWaitingOnCode = await UnmappedOrders.CountWaitingOnAsync(db, goods.MerchantCode, ct) });
    }

    /// <summary>The 409 when other goods have the code, or a mapping sends it elsewhere; <paramref name="current"/> is the goods being edited.</summary>
    private static async Task<IResult?> DuplicateCode(OrchestratorDbContext db, string merchantCode, Domain.Catalog.Goods? current, CancellationToken ct)
    {
        var normalized = MerchantCode.Normalize(merchantCode);
        var exceptId = current?.Id;
        var other = await db.Goods.AsNoTracking()
            .Where(g => g.NormalizedMerchantCode == normalized && g.Id != exceptId)
            .Select(g => new { g.Id, g.Name })
            .FirstOrDefaultAsync(ct);
        return other is not null
            ? Problems.Duplicate("merchantCode", $"Merchant code '{merchantCode.Trim()}' is already used by goods {other.Id} ({other.Name}).")
            : current?.NormalizedMerchantCode == normalized
                ? null // its code unchanged: an edit of other fields is never refused for a mapping made before this check
                : await MerchantCodes.MerchantCodesApi.MappedElsewhereAsync(db, merchantCode, "merchantCode", ct);
    }

    private static void Apply(Domain.Catalog.Goods goods, GoodsRequest request)
    {
        goods.MerchantCode = request.MerchantCode!;
        goods.Barcode = string.IsNullOrWhiteSpace(request.Barcode) ? null : request.Barcode.Trim();
        goods.Name = request.Name!.Trim();
        goods.Spec = request.Spec?.Trim();
        goods.WeightKg = request.WeightKg ?? 0;
        goods.LowStockThreshold = request.LowStockThreshold;
        goods.Price = request.Price ?? 0;
        goods.IsEnabled = request.IsEnabled ?? true;
    }
}
