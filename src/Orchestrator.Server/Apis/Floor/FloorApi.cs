using System.Text.Json.Nodes;
using Orchestrator.Persistence;
using Orchestrator.Server.Security;
using Orchestrator.Workflows.Runtime.Grains;

namespace Orchestrator.Server.Apis.Floor;

/// <summary>
/// The warehouse floor's actions on an order: confirm or reject picking (打单配货), scan to verify (验货), weigh (称重).
/// Each takes an optional <c>packageId</c>; an order with several packages waiting at the step needs it. A warehouse's
/// floor sends many of them in one call with <c>floor:batch</c> (<see cref="FloorBatch"/>).
/// </summary>
internal static class FloorApi
{
    public static IEndpointRouteBuilder MapFloorApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/orders/{orderId:long}").WithTags("Warehouse floor").ForWarehouse();
        group.MapPost("/pick:confirm", (long orderId, FloorActor? body, HttpContext http, OrchestratorDbContext db, OrderInstances instances, IGrainFactory grains, CancellationToken ct) =>
            SendAsync(instances, db, grains, orderId, FloorAction.PickConfirm, FloorAction.Picked(http.User.ActorName(), body?.PackageId), ct))
            .ScopedToOrderWarehouse();
        group.MapPost("/pick:reject", (long orderId, PickRejection body, HttpContext http, OrchestratorDbContext db, OrderInstances instances, IGrainFactory grains, CancellationToken ct) =>
            SendAsync(instances, db, grains, orderId, FloorAction.PickReject, FloorAction.Rejected(body.Reason, http.User.ActorName()), ct))
            .ScopedToOrderWarehouse();
        group.MapPost("/verify:scan", (long orderId, JsonObject body, OrchestratorDbContext db, OrderInstances instances, IGrainFactory grains, CancellationToken ct) =>
            SendAsync(instances, db, grains, orderId, FloorAction.Scan, body, ct))
            .ScopedToOrderWarehouse();
        group.MapPost("/weigh", (long orderId, JsonObject body, OrchestratorDbContext db, OrderInstances instances, IGrainFactory grains, CancellationToken ct) =>
            SendAsync(instances, db, grains, orderId, FloorAction.Weigh, body, ct))
            .ScopedToOrderWarehouse();
        routes.MapPost("/api/warehouses/{warehouseId:long}/floor:batch", FloorBatch.RunAsync).Validate<FloorBatchRequest>()
            .WithTags("Warehouse floor").ForWarehouse().ScopedToRouteWarehouse();
        return routes;
    }

    private static async Task<IResult> SendAsync(
        OrderInstances instances, OrchestratorDbContext db, IGrainFactory grains, long orderId, FloorAction action, JsonObject payload, CancellationToken ct)
    {
        if (await OrderStimuli.SendAsync(instances, db, grains, orderId, action.Bookmark, payload, ct) is not var (reply, instanceId))
        {
            return Problems.NotFound("Order with a workflow", orderId);
        }

        return reply.Kind switch
        {
            ReplyKind.Done => await OrderStimuli.DoneAsync(db, orderId, instanceId, reply, ct),
            ReplyKind.Rejected => Problems.Invalid(reply.Field ?? "payload", reply.Message ?? "Refused."),
            _ => OrderStimuli.NotWaiting(orderId, action.Stage, reply),
        };
    }
}

/// <summary>On which package of the order (needed when it has several); <c>by</c> is ignored, the signed-in person is the picker.</summary>
public sealed record FloorActor(string? By, long? PackageId = null);

/// <summary>Sends the order back to review: <c>reason</c> is shown to the reviewer.</summary>
public sealed record PickRejection(string? Reason, string? By);
