using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orchestrator.Persistence;
using Orchestrator.Server.Security;
using Orchestrator.Workflows.Runtime.Grains;

namespace Orchestrator.Server.Apis.Floor;

/// <summary>
/// A warehouse floor's actions on many orders in one call (波次: a wave's pick confirmations, a scanning station's
/// scans, a scale's weighings). The orders' workflows run concurrently, each order's actions in the order sent, so their
/// steps share the database's commits instead of queueing one call at a time; each answer is the one its workflow's run
/// built. Every order must be in the route's warehouse (its own, or one of its packages'). The call answers 200 with
/// one outcome per action; an action that fails stops the later ones on the same order (424), not the others.
/// </summary>
internal static class FloorBatch
{
    /// <summary>How many orders' workflows are driven at once; more only queue at the grains' turn and the database.</summary>
    public const int Concurrency = 64;

    public static async Task<IResult> RunAsync(
        long warehouseId, FloorBatchRequest request, HttpContext http, OrchestratorDbContext db, OrderInstances instances, IGrainFactory grains,
        IServiceScopeFactory scopes, IOptions<JsonOptions> json, CancellationToken ct)
    {
        if (!await db.Warehouses.AnyAsync(w => w.Id == warehouseId, ct))
        {
            return Problems.NotFound("Warehouse", warehouseId);
        }

        var actions = request.Actions!;
        var orderIds = actions.Select(a => a.OrderId).Distinct().ToList();
        var (existing, here) = await WhereAsync(db, warehouseId, orderIds, ct);
        var instanceIds = await instances.FindManyAsync(db, here, ct);
        var actor = http.User.ActorName();
        var results = new FloorBatchResult[actions.Count];
        var orders = actions.Select((item, index) => (Item: item, Index: index)).GroupBy(a => a.Item.OrderId).ToList();
        await Parallel.ForEachAsync(orders, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct }, async (order, token) =>
        {
            FloorBatchResult? failed = null;
            foreach (var (item, index) in order)
            {
                var action = FloorAction.ByName[item.Action!];
                results[index] = failed is not null
                    ? Failure(index, item, action, StatusCodes.Status424FailedDependency, "Not tried",
                        $"Action {failed.Index} ({failed.Action}) on order {item.OrderId} failed earlier in this batch, so this one was not tried.")
                    : !existing.Contains(item.OrderId)
                        ? Failure(index, item, action, StatusCodes.Status404NotFound, "Order not found", $"No order has id {item.OrderId}.")
                        : !here.Contains(item.OrderId)
                            ? Failure(index, item, action, StatusCodes.Status404NotFound, "Order not in this warehouse",
                                $"Order {item.OrderId} has no package in warehouse {warehouseId}.")
                            : !instanceIds.TryGetValue(item.OrderId, out var instanceId)
                                ? Failure(index, item, action, StatusCodes.Status404NotFound, "Order with a workflow not found", $"Order {item.OrderId} has no workflow.")
                                : await SendAsync(grains, scopes, json.Value.SerializerOptions, index, item, action, instanceId,
                                    Payload(action, item.Body, actor, warehouseId), token);
                failed ??= results[index].Succeeded ? null : results[index];
            }
        });

        var succeeded = results.Count(r => r.Succeeded);
        return Results.Ok(new FloorBatchResponse(succeeded, results.Length - succeeded, results));
    }

    /// <summary>The stimulus of one action: as the single-order endpoint sends it; a pick confirmation without a package means this warehouse's.</summary>
    private static JsonObject Payload(FloorAction action, JsonObject? body, string actor, long warehouseId)
    {
        if (action == FloorAction.PickConfirm)
        {
            return FloorAction.Picked(actor, body?["packageId"]?.GetValue<long>(), warehouseId);
        }

        return action == FloorAction.PickReject ? FloorAction.Rejected(body?["reason"]?.ToString(), actor) : body ?? [];
    }

    private static async Task<FloorBatchResult> SendAsync(
        IGrainFactory grains, IServiceScopeFactory scopes, JsonSerializerOptions json, int index, FloorBatchItem item, FloorAction action, Guid instanceId,
        JsonObject payload, CancellationToken ct)
    {
        var reply = await grains.Instance(instanceId).ResumeAsync(action.Bookmark, null, payload.ToJsonString());
        switch (reply.Kind)
        {
            case ReplyKind.Done when reply.Answer is { } answer:
                return new FloorBatchResult(index, item.OrderId, item.Action!, StatusCodes.Status200OK, new RawJson(answer), null);
            case ReplyKind.Done:
                // The run could not build its answer (a step that could not be saved): read it back, as the single endpoint does.
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var read = await OrderStimuli.ReadAnswerAsync(scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>(), item.OrderId, instanceId, ct);
                    return new FloorBatchResult(index, item.OrderId, item.Action!, StatusCodes.Status200OK, new RawJson(JsonSerializer.Serialize(read, json)), null);
                }

            case ReplyKind.Rejected:
                return new FloorBatchResult(index, item.OrderId, item.Action!, StatusCodes.Status400BadRequest, null,
                    new FloorBatchProblem("One or more validation errors occurred.", reply.Message ?? "Refused.", reply.Field ?? "payload"));
            default:
                var (title, detail) = OrderStimuli.NotWaitingText(item.OrderId, action.Stage, reply);
                return new FloorBatchResult(index, item.OrderId, item.Action!, StatusCodes.Status409Conflict, null,
                    new FloorBatchProblem(title, detail, OpenBookmarks: reply.OpenBookmarks ?? []));
        }
    }

    private static FloorBatchResult Failure(int index, FloorBatchItem item, FloorAction action, int status, string title, string detail) =>
        new(index, item.OrderId, action.Name, status, null, new FloorBatchProblem(title, detail));

    /// <summary>Which of the orders exist, and which of those are in the warehouse: the order's own, or one of its packages'.</summary>
    private static async Task<(HashSet<long> Existing, HashSet<long> Here)> WhereAsync(
        OrchestratorDbContext db, long warehouseId, List<long> orderIds, CancellationToken ct)
    {
        var orders = await db.SalesOrders.AsNoTracking().Where(o => orderIds.Contains(o.Id)).Select(o => new { o.Id, o.WarehouseId }).ToListAsync(ct);
        var packaged = await db.Packages.AsNoTracking().Where(p => orderIds.Contains(p.OrderId) && p.WarehouseId == warehouseId)
            .Select(p => p.OrderId).Distinct().ToListAsync(ct);
        var here = orders.Where(o => o.WarehouseId == warehouseId).Select(o => o.Id).Concat(packaged).ToHashSet();
        return (orders.Select(o => o.Id).ToHashSet(), here);
    }
}
