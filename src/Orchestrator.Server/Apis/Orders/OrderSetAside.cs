using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Audit;
using Orchestrator.Server.Apis.Exceptions;
using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.Orders;

/// <summary>
/// <c>POST /api/orders:set-aside</c> (批量搁置): several orders into the exception queue with one kind and detail. Each goes
/// through the single call (<c>POST /api/orders/{id}/exceptions</c>: same checks, hold and audit under the signed-in
/// person), one after another; one that fails (already in the queue, no workflow, another shop) does not stop the others.
/// </summary>
internal static class OrderSetAside
{
    public static async Task<IResult> SetAsideAsync(
        SetAsideManyRequest request, HttpContext http, OrchestratorDbContext db, OrderInstances instances, IGrainFactory grains, IAuditActor actor, TimeProvider clock,
        CancellationToken ct)
    {
        var ids = request.OrderIds!.Distinct().ToList();
        var shops = await db.SalesOrders.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.ShopId }).ToDictionaryAsync(o => o.Id, o => o.ShopId, ct);
        var one = new RaiseExceptionRequest(request.Kind, request.Detail, null);
        var results = new List<SetAsideResult>(ids.Count);
        foreach (var orderId in ids)
        {
            if (shops.TryGetValue(orderId, out var shop) && !http.User.CanReachShop(shop))
            {
                results.Add(new SetAsideResult(orderId, StatusCodes.Status403Forbidden, null,
                    BatchProblem.NotAssigned($"Order {orderId} belongs to shop {shop}, which is not assigned to you.")));
                continue;
            }

            var answer = await ExceptionsApi.Raise(orderId, one, http, db, instances, grains, actor, clock, ct);
            var (status, problem) = BatchProblem.From(answer);
            results.Add(new SetAsideResult(orderId, status, (answer as IValueHttpResult)?.Value as ExceptionQueueItem, problem));
        }

        var succeeded = results.Count(r => r.Status is >= 200 and < 300);
        return Results.Ok(new SetAsideManyResponse(succeeded, results.Count - succeeded, results));
    }
}
