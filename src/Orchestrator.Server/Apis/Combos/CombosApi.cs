using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain;
using Orchestrator.Domain.Catalog;
using Orchestrator.Lifecycle.Exceptions;
using Orchestrator.Persistence;

using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.Combos;

/// <summary>Combos (套餐): one code, several goods. A combo code may equal a goods code; intake then picks the combo.</summary>
internal static class CombosApi
{
    public static IEndpointRouteBuilder MapCombosApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/combos").WithTags("Combos");
        group.MapGet("/", List).ForReaders();
        group.MapGet("/{id:long}", Get).WithName("GetCombo").ForReaders();
        group.MapPost("/", Create).Validate<ComboRequest>().ForOpsLeads();
        group.MapPut("/{id:long}", Update).Validate<ComboRequest>().ForOpsLeads();
        return routes;
    }

    private static IQueryable<Combo> WithItems(OrchestratorDbContext db) =>
        db.Combos.Include(c => c.Items).ThenInclude(i => i.Goods).AsSplitQuery();

    private static async Task<IResult> List(OrchestratorDbContext db, [AsParameters] PageQuery page, string? q, bool? isEnabled, CancellationToken ct)
    {
        if (page.Problem() is { } problem)
        {
            return problem;
        }

        var query = WithItems(db).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(c => c.Code.Contains(q) || c.Name.Contains(q));
        }

        if (isEnabled is { } enabled)
        {
            query = query.Where(c => c.IsEnabled == enabled);
        }

        return Results.Ok(await query.OrderBy(c => c.Id).ToPageAsync(page, ComboResponse.From, ct));
    }

    private static async Task<IResult> Get(long id, OrchestratorDbContext db, CancellationToken ct) =>
        await WithItems(db).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } combo
            ? Results.Ok(ComboResponse.From(combo))
            : Problems.NotFound("Combo", id);

    private static async Task<IResult> Create(ComboRequest request, OrchestratorDbContext db, CancellationToken ct)
    {
        if (await DuplicateCode(db, request.Code!, null, ct) is { } duplicate)
        {
            return duplicate;
        }

        var resolved = await ResolveItems(db, request.Items!, ct);
        if (resolved.Result is { } problem)
        {
            return problem;
        }

        var combo = new Combo { Code = request.Code!, Name = request.Name!.Trim(), IsEnabled = request.IsEnabled ?? true, Items = resolved.Items! };
        db.Combos.Add(combo);
        await db.SaveChangesAsync(ct);
        return Results.CreatedAtRoute("GetCombo", new { id = combo.Id }, ComboResponse.From(combo) with { OrdersWaitingOnCode = await UnmappedOrders.CountWaitingOnAsync(db, combo.Code, ct) });
    }

    private static async Task<IResult> Update(long id, ComboRequest request, OrchestratorDbContext db, CancellationToken ct)
    {
        var combo = await WithItems(db).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (combo is null)
        {
            return Problems.NotFound("Combo", id);
        }

        if (Versioning.Conflict(db, combo, request.Version, "Combo") is { } conflict)
        {
            return conflict;
        }

        if (await DuplicateCode(db, request.Code!, combo, ct) is { } duplicate)
        {
            return duplicate;
        }

        var resolved = await ResolveItems(db, request.Items!, ct);
        if (resolved.Result is { } problem)
        {
            return problem;
        }

        combo.Code = request.Code!;
        combo.Name = request.Name!.Trim();
        combo.IsEnabled = request.IsEnabled ?? true;
        SyncItems(combo, resolved.Items!);
        await db.SaveChangesAsync(ct);
        return Results.Ok(ComboResponse.From(combo) with { OrdersWaitingOnCode = await UnmappedOrders.CountWaitingOnAsync(db, combo.Code, ct) });
    }

    private static void SyncItems(Combo combo, List<ComboItem> wanted)
    {
        combo.Items.RemoveAll(existing => wanted.All(w => w.GoodsId != existing.GoodsId));
        foreach (var item in wanted)
        {
            var existing = combo.Items.FirstOrDefault(i => i.GoodsId == item.GoodsId);
            if (existing is null)
            {
                combo.Items.Add(item);
            }
            else
            {
                existing.Quantity = item.Quantity;
            }
        }
    }

    /// <summary>The 409 when another combo has the code, or a mapping sends it elsewhere; <paramref name="current"/> is the combo being edited.</summary>
    private static async Task<IResult?> DuplicateCode(OrchestratorDbContext db, string code, Combo? current, CancellationToken ct)
    {
        var normalized = MerchantCode.Normalize(code);
        var exceptId = current?.Id;
        var other = await db.Combos.AsNoTracking()
            .Where(c => c.NormalizedCode == normalized && c.Id != exceptId)
            .Select(c => new { c.Id, c.Name })
            .FirstOrDefaultAsync(ct);
        return other is not null
            ? Problems.Duplicate("code", $"Combo code '{code.Trim()}' is already used by combo {other.Id} ({other.Name}).")
            : current?.NormalizedCode == normalized
                ? null // its code unchanged: an edit of other fields is never refused for a mapping made before this check
                : await MerchantCodes.MerchantCodesApi.MappedElsewhereAsync(db, code, "code", ct);
    }

    private static async Task<(List<ComboItem>? Items, IResult? Result)> ResolveItems(
        OrchestratorDbContext db, IReadOnlyList<ComboItemRequest> items, CancellationToken ct)
    {
        var ids = items.Where(i => i.GoodsId is not null).Select(i => i.GoodsId!.Value).ToList();
        var codes = items.Where(i => i.GoodsId is null).Select(i => MerchantCode.Normalize(i.MerchantCode!)).ToList();
        var goods = await db.Goods.Where(g => ids.Contains(g.Id) || codes.Contains(g.NormalizedMerchantCode)).ToListAsync(ct);

        var errors = new Dictionary<string, string[]>();
        var resolved = new List<ComboItem>();
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var match = item.GoodsId is { } id
                ? goods.FirstOrDefault(g => g.Id == id)
                : goods.FirstOrDefault(g => g.NormalizedMerchantCode == MerchantCode.Normalize(item.MerchantCode!));
            if (match is null)
            {
                errors[$"items[{index}].{(item.GoodsId is null ? "merchantCode" : "goodsId")}"] =
                    [$"No goods has {(item.GoodsId is { } gid ? $"id {gid}" : $"merchant code '{item.MerchantCode}'")}."];
            }
            else if (resolved.Any(r => r.GoodsId == match.Id))
            {
                errors[$"items[{index}]"] = [$"Goods {match.MerchantCode} is listed twice; give it one line with the total quantity."];
            }
            else
            {
                resolved.Add(new ComboItem { GoodsId = match.Id, Goods = match, Quantity = item.Quantity });
            }
        }

        return errors.Count > 0 ? (null, Problems.Invalid(errors)) : (resolved, null);
    }
}
