using System.Text.Json.Nodes;
using Orchestrator.Lifecycle.Activities;
using Orchestrator.Persistence;
using Orchestrator.Server.Security;
using Orchestrator.Workflows.Runtime.Grains;

namespace Orchestrator.Server.Apis.Floor;

/// <summary>
/// The warehouse floor's actions on an order: confirm or reject picking (打单配货), scan to verify (验货), weigh (称重).
/// Each takes an optional <c>packageId</c>; an order with several packages waiting at the step needs it.
/// </summary>
internal static class FloorApi
{
    public static IEndpointRouteBuilder MapFloorApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/orders/{orderId:long}").WithTags("Warehouse floor").ForWarehouse();
        group.MapPost("/pick:confirm", (long orderId, FloorActor? body, HttpContext http, OrchestratorDbContext db, OrderInstances instances, IGrainFactory grains, CancellationToken ct) =>
            SendAsync(instances, db, grains, orderId, PickActivity.Bookmark, "picking", new JsonObject { ["picker"] = http.User.ActorName(), ["packageId"] = body?.PackageId }, ct))
            .ScopedToOrderWarehouse();
        group.MapPost("/pick:reject", (long orderId, PickRejection body, HttpContext http, OrchestratorDbContext db, OrderInstances instances, IGrainFactory grains, CancellationToken ct) =>
            SendAsync(instances, db, grains, orderId, PickActivity.Bookmark, "picking", new JsonObject { ["rejected"] = true, ["reason"] = body.Reason, ["picker"] = http.User.ActorName() }, ct))
            .ScopedToOrderWarehouse();
        group.MapPost("/verify:scan", (long orderId, JsonObject body, OrchestratorDbContext db, OrderInstances instances, IGrainFactory grains, CancellationToken ct) =>
            SendAsync(instances, db, grains, orderId, VerifyActivity.Bookmark, "verification", body, ct))
            .ScopedToOrderWarehouse();
        group.MapPost("/weigh", (long orderId, JsonObject body, OrchestratorDbContext db, OrderInstances instances, IGrainFactory grains, CancellationToken ct) =>
            SendAsync(instances, db, grains, orderId, WeighShipActivity.Bookmark, "weighing", body, ct))
            .ScopedToOrderWarehouse();
        return routes;
    }

    private static async Task<IResult> SendAsync(
        OrderInstances instances, OrchestratorDbContext db, IGrainFactory grains, long orderId, string bookmark, string stage, JsonObject payload, CancellationToken ct)
    {
        if (await OrderStimuli.SendAsync(instances, db, grains, orderId, bookmark, payload, ct) is not var (reply, instanceId))
        {
            return Problems.NotFound("Order with a workflow", orderId);
        }

        return reply.Kind switch
        {
            ReplyKind.Done => await OrderStimuli.DoneAsync(db, orderId, instanceId, reply, ct),
            ReplyKind.Rejected => Problems.Invalid(reply.Field ?? "payload", reply.Message ?? "Refused."),
            _ => OrderStimuli.NotWaiting(orderId, stage, reply),
        };
    }
}

/// <summary>On which package of the order (needed when it has several); <c>by</c> is ignored, the signed-in person is the picker.</summary>
public sealed record FloorActor(string? By, long? PackageId = null);

/// <summary>Sends the order back to review: <c>reason</c> is shown to the reviewer.</summary>
public sealed record PickRejection(string? Reason, string? By);
