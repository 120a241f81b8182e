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
/// </summary>
internal static class MerchantCodesApi
{
    private const int MaxCodeLength = 64;

    public static IEndpointRouteBuilder MapMerchantCodesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/merchant-codes/{code}:map", Map).Validate<MapMerchantCodeRequest>().WithTags("Merchant codes").ForOpsLeads();
        return routes;
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
