using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Audit;
using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.Exceptions;

/// <summary>
/// Resolve (or cancel the orders of) several exception-queue entries in one call. Each entry goes through the single-entry
/// resolution (same checks, same audit under the signed-in reviewer), one after another; one that fails (already
/// resolved, not in the reviewer's shops, gone) does not stop the others. The call answers 200 with one outcome per entry.
/// </summary>
internal static class ExceptionBatch
{
    public static async Task<IResult> ResolveAsync(
        ResolveManyRequest request, HttpContext http, OrchestratorDbContext db, OrderInstances instances, IGrainFactory grains, IAuditActor actor, TimeProvider clock,
        CancellationToken ct)
    {
        var ids = request.EntryIds!.Distinct().ToList();
        var shops = await db.ExceptionQueue.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.ShopId }).ToDictionaryAsync(e => e.Id, e => e.ShopId, ct);
        var one = new ResolveExceptionRequest(null, request.Note, request.CancelOrder);
        var results = new List<ResolveManyResult>(ids.Count);
        foreach (var entryId in ids)
        {
            if (shops.TryGetValue(entryId, out var shop) && !http.User.CanReachShop(shop))
            {
                results.Add(new ResolveManyResult(entryId, StatusCodes.Status403Forbidden, null,
                    BatchProblem.NotAssigned($"Exception {entryId} belongs to shop {shop}, which is not assigned to you.")));
                continue;
            }

            var answer = await ExceptionsApi.Resolve(entryId, one, http, db, instances, grains, actor, clock, ct);
            var (status, problem) = BatchProblem.From(answer);
            results.Add(new ResolveManyResult(entryId, status, (answer as IValueHttpResult)?.Value as ExceptionQueueItem, problem));
        }

        var succeeded = results.Count(r => r.Status == StatusCodes.Status200OK);
        return Results.Ok(new ResolveManyResponse(succeeded, results.Count - succeeded, results));
    }
}
