using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Audit;
using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.Review;

/// <summary>
/// Approve or reject several orders of the inbox in one call. Each order goes through the single-order decision (same
/// checks, same stimulus, same audit under the signed-in reviewer), one after another; one that fails (not under review,
/// decided by someone else, not in the reviewer's shops) does not stop the others. The call answers 200 with one outcome
/// per order.
/// </summary>
internal static class ReviewBatch
{
    public static Task<IResult> ApproveAsync(
        ReviewBatchApproveRequest request, HttpContext http, OrchestratorDbContext db, OrderInstances instances, IGrainFactory grains, IAuditActor actor, CancellationToken ct) =>
        RunAsync(request.OrderIds!, http, db, orderId =>
            ReviewApi.Approve(orderId, new ApproveRequest(null, request.Note, null), http, db, instances, grains, actor, ct), ct);

    public static Task<IResult> RejectAsync(
        ReviewBatchRejectRequest request, HttpContext http, OrchestratorDbContext db, OrderInstances instances, IGrainFactory grains, IAuditActor actor, CancellationToken ct) =>
        RunAsync(request.OrderIds!, http, db, orderId =>
            ReviewApi.Reject(orderId, new RejectRequest(null, request.Reason, request.Mode), http, db, instances, grains, actor, ct), ct);

    private static async Task<IResult> RunAsync(List<long> orderIds, HttpContext http, OrchestratorDbContext db, Func<long, Task<IResult>> decide, CancellationToken ct)
    {
        var ids = orderIds.Distinct().ToList();
        var shops = await db.SalesOrders.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.ShopId }).ToDictionaryAsync(o => o.Id, o => o.ShopId, ct);
        var results = new List<ReviewBatchResult>(ids.Count);
        foreach (var orderId in ids)
        {
            if (shops.TryGetValue(orderId, out var shop) && !http.User.CanReachShop(shop))
            {
                results.Add(new ReviewBatchResult(orderId, StatusCodes.Status403Forbidden,
                    BatchProblem.NotAssigned($"Order {orderId} belongs to shop {shop}, which is not assigned to you.")));
                continue;
            }

            var (status, problem) = BatchProblem.From(await decide(orderId));
            results.Add(new ReviewBatchResult(orderId, status, problem));
        }

        var succeeded = results.Count(r => r.Status == StatusCodes.Status200OK);
        return Results.Ok(new ReviewBatchResponse(succeeded, results.Count - succeeded, results));
    }
}
