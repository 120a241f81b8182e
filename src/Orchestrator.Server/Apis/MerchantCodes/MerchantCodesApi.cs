using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain;
using Orchestrator.Domain.Catalog;
using Orchestrator.Lifecycle.Exceptions;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Audit;
using Orchestrator.Persistence.Intake;
using Orchestrator.Server.Apis.Audit;
using Orchestrator.Server.Apis.Exceptions;
using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.MerchantCodes;

/// <summary>
/// 映射商家编码: a platform's merchant code that maps to nothing is mapped to existing goods or a combo where it is found (the
/// exception queue), and every order waiting on it continues. A code that already maps elsewhere is a conflict, never moved.
/// The mappings are listed, and one made by mistake is removed: orders already mapped by it keep their lines, and later
/// orders with that code wait for a mapping again.
/// </summary>
internal static class MerchantCodesApi
{
    private const int MaxCodeLength = 64;

    public static IEndpointRouteBuilder MapMerchantCodesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/merchant-codes/{code}:map", Map).Validate<MapMerchantCodeRequest>().WithTags("Merchant codes").ForOpsLeads();
        routes.MapGet("/api/merchant-codes/mappings", List).WithTags("Merchant codes").ForOpsLeads();
        routes.MapDelete("/api/merchant-codes/mappings/{id:long}", Remove).WithTags("Merchant codes").ForOpsLeads();
        return routes;
    }

    /// <summary>The mappings people made, newest first, with what each maps to; <c>q</c> finds part of the code or of the target's code or name.</summary>
    private static async Task<IResult> List(OrchestratorDbContext db, [AsParameters] PageQuery page, string? q, CancellationToken ct)
    {
        if (page.Problem() is { } problem)
        {
            return problem;
        }

        var rows =
            from m in db.MerchantCodeMappings.AsNoTracking()
            join g in db.Goods on m.GoodsId equals g.Id into goods
            from g in goods.DefaultIfEmpty()
            join c in db.Combos on m.ComboId equals c.Id into combos
            from c in combos.DefaultIfEmpty()
            select new
            {
                m.Id,
                m.Code,
                m.GoodsId,
                m.ComboId,
                TargetCode = g != null ? g.MerchantCode : c != null ? c.Code : "",
                TargetName = g != null ? g.Name : c != null ? c.Name : "",
            };
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            rows = rows.Where(r => r.Code.Contains(text) || r.TargetCode.Contains(text) || r.TargetName.Contains(text));
        }

        return Results.Ok(await rows.OrderByDescending(r => r.Id).ToPageAsync(page, r => new MerchantCodeMappingRow(
            r.Id, r.Code, r.GoodsId is not null ? "Goods" : "Combo", r.GoodsId ?? r.ComboId ?? 0, r.TargetCode, r.TargetName), ct));
    }

    /// <summary>Removes a mapping (audited). Orders it already mapped keep their lines; a later order with the code waits for a mapping again.</summary>
    private static async Task<IResult> Remove(long id, HttpContext http, OrchestratorDbContext db, IAuditActor actor, CancellationToken ct)
    {
        using var acting = actor.ActFor(http.User.ActorName());
        if (await db.MerchantCodeMappings.FirstOrDefaultAsync(m => m.Id == id, ct) is not { } mapping)
        {
            return Problems.NotFound("Merchant code mapping", id);
        }

        db.MerchantCodeMappings.Remove(mapping);
        await db.SaveChangesAsync(ct);
        return Results.NoContent();
    }

    private static async Task<IResult> Map(
        string code, MapMerchantCodeRequest request, HttpContext http, OrchestratorDbContext db, OrderInstances instances, IGrainFactory grains,
        IAuditActor actor, CancellationToken ct)
    {
        code = code.Trim();
        if (code.Length == 0 || code.Length > MaxCodeLength || code.Any(char.IsControl))
        {
            return Problems.Invalid("code", $"The merchant code is 1 to {MaxCodeLength} characters without control characters.");
        }

        using var acting = actor.ActFor(http.User.ActorName());
        if (await TargetAsync(db, request, ct) is not { } target)
        {
            var (field, id, what) = request.GoodsId is { } goodsId ? ("goodsId", goodsId, "goods") : ("comboId", request.ComboId!.Value, "combo");
            return Problems.Invalid(field, $"No enabled {what} has id {id}.");
        }

        var normalized = MerchantCode.Normalize(code);
        var current = (await MerchantCodeCatalogs.LoadAsync(db, [code], ct)).Resolve(code);
        var mapped = await db.MerchantCodeMappings.AsNoTracking().FirstOrDefaultAsync(m => m.NormalizedCode == normalized, ct);
        var sameTarget = current.IsMapped
            ? (current.Kind, current.GoodsId ?? current.ComboId) == (target.Kind, target.Id)
            : mapped is null || (mapped.GoodsId, mapped.ComboId) == (request.GoodsId, request.ComboId);
        if (!sameTarget)
        {
            return await ConflictAsync(db, code, current, mapped, ct);
        }

        var created = !current.IsMapped && mapped is null;
        if (created)
        {
            db.MerchantCodeMappings.Add(new MerchantCodeMapping { Code = code, GoodsId = request.GoodsId, ComboId = request.ComboId });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Someone mapped the same code at the same moment: answer as if this call came second.
                db.ChangeTracker.Clear();
                if (!await db.MerchantCodeMappings.AnyAsync(m => m.NormalizedCode == normalized, ct))
                {
                    throw;
                }

                return await Map(code, request, http, db, instances, grains, actor, ct);
            }
        }

        var waiting = (await UnmappedOrders.WaitingAsync(db, http.User.ShopFilter()?.ToArray(), ct)).WaitingOn(code).ToList();
        var note = $"Merchant code '{code}' mapped to {target.Kind.ToString().ToLowerInvariant()} {target.Code}. {request.Note}".Trim();
        var result = await UnmappedContinuation.ContinueAsync(db, instances, grains, http.User.ActorName(), waiting, note, ct);
        return Results.Ok(new MerchantCodeMappingResponse(code, target.Kind.ToString(), target.Id, target.Code, target.Name, created, result.Continued, result.StillWaiting));
    }

    /// <summary>
    /// The 409 for goods or a combo given a code a mapping already sends elsewhere: its own code would win over the mapping
    /// and silently take that code's later orders from what it was mapped to. Null when no mapping has the code.
    /// </summary>
    public static async Task<IResult?> MappedElsewhereAsync(OrchestratorDbContext db, string code, string field, CancellationToken ct)
    {
        var normalized = MerchantCode.Normalize(code);
        var mapping = await db.MerchantCodeMappings.AsNoTracking().Where(m => m.NormalizedCode == normalized)
            .Select(m => new { m.Id, m.GoodsId, m.ComboId }).FirstOrDefaultAsync(ct);
        return mapping is null
            ? null
            : Problems.Duplicate(field, $"Merchant code '{code.Trim()}' is mapped to {(mapping.GoodsId is { } goods ? $"goods {goods}" : $"combo {mapping.ComboId}")} " +
                $"(映射商家编码, mapping {mapping.Id}); remove that mapping first (DELETE /api/merchant-codes/mappings/{mapping.Id}).");
    }

    private sealed record Target(LineMappingKind Kind, long Id, string Code, string Name);

    private static async Task<Target?> TargetAsync(OrchestratorDbContext db, MapMerchantCodeRequest request, CancellationToken ct) =>
        request.GoodsId is { } goodsId
            ? await db.Goods.AsNoTracking().Where(g => g.Id == goodsId && g.IsEnabled)
                .Select(g => new Target(LineMappingKind.Goods, g.Id, g.MerchantCode, g.Name)).FirstOrDefaultAsync(ct)
            : await db.Combos.AsNoTracking().Where(c => c.Id == request.ComboId && c.IsEnabled)
                .Select(c => new Target(LineMappingKind.Combo, c.Id, c.Code, c.Name)).FirstOrDefaultAsync(ct);

    private static async Task<IResult> ConflictAsync(OrchestratorDbContext db, string code, LineMapping current, MerchantCodeMapping? mapped, CancellationToken ct)
    {
        var (kind, id) = current.IsMapped
            ? (current.Kind, (current.GoodsId ?? current.ComboId)!.Value)
            : mapped!.GoodsId is { } goodsId ? (LineMappingKind.Goods, goodsId) : (LineMappingKind.Combo, mapped.ComboId!.Value);
        var name = kind == LineMappingKind.Goods
            ? await db.Goods.AsNoTracking().Where(g => g.Id == id).Select(g => g.Name).FirstOrDefaultAsync(ct)
            : await db.Combos.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct);
        var how = current.IsMapped && current.MatchedCode is { } own && MerchantCode.Normalize(own) == MerchantCode.Normalize(code) ? "is the code of" : "is mapped to";
        return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Merchant code already mapped",
            detail: $"Merchant code '{code}' {how} {kind.ToString().ToLowerInvariant()} {id} ({name}); it is not moved to something else.",
            extensions: new Dictionary<string, object?> { ["field"] = "code", ["mappedKind"] = kind.ToString(), ["mappedId"] = id });
    }
}
