using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Server.Apis.Orders;
using Orchestrator.Server.Apis.Packages;
using Orchestrator.Server.Apis.WorkflowInstances;
using Orchestrator.Workflows.Runtime.Grains;

namespace Orchestrator.Server.Apis;

/// <summary>Sends a person's action on an order (review, pick, scan, weigh) to the bookmark its workflow waits on.</summary>
internal static class OrderStimuli
{
    /// <summary>The reply, or null when the order has no workflow instance.</summary>
    public static async Task<(InstanceReply Reply, Guid InstanceId)?> SendAsync(
        OrderInstances instances, OrchestratorDbContext db, IGrainFactory grains, long orderId, string bookmark, JsonObject payload, CancellationToken ct)
    {
        var instanceId = await instances.FindAsync(db, orderId, ct);
        return instanceId is { } id
            ? (await grains.Instance(id).ResumeAsync(bookmark, null, payload.ToJsonString()), id)
            : null;
    }

    /// <summary>
    /// 200 with the order and where its workflow now stands, including the open bookmark's payload (e.g. scan progress):
    /// the answer the grain built from its run (<see cref="OrderResumeAnswer"/>), or read back when it could not.
    /// </summary>
    public static async Task<IResult> DoneAsync(OrchestratorDbContext db, long orderId, Guid instanceId, InstanceReply reply, CancellationToken ct) =>
        reply.Answer is { } answer
            ? Results.Text(answer, "application/json; charset=utf-8")
            : Results.Ok(await ReadAnswerAsync(db, orderId, instanceId, ct));

    /// <summary>The answer read back from the database, for a run that could not build it.</summary>
    public static async Task<object> ReadAnswerAsync(OrchestratorDbContext db, long orderId, Guid instanceId, CancellationToken ct)
    {
        var order = await db.SalesOrders.AsNoTracking().AsSplitQuery().FirstAsync(o => o.Id == orderId, ct);
        var instance = await db.WorkflowInstances.AsNoTracking().FirstAsync(i => i.Id == instanceId, ct);
        return Answer(OrderResponse.From(order), await OrderResponse.PackagesAsync(db, orderId, ct), instance);
    }

    /// <summary>The answer's shape: <c>{ order (with packages), instance, waiting }</c>.</summary>
    public static object Answer(OrderResponse order, List<PackageResponse> packages, WorkflowInstanceRecord instance)
    {
        var detail = InstanceDetail.From(instance, [], []);
        return new { order = order with { Packages = packages }, instance = detail.Instance, waiting = detail.Bookmarks };
    }

    /// <summary>
    /// 409 for an order that takes no action now. Its title names the stage, so <c>code</c> (<see cref="NotWaitingCode"/>) says
    /// which of the two it is for a client that words it itself (the designer, in Chinese).
    /// </summary>
    public static IResult NotWaiting(long orderId, string stage, InstanceReply reply)
    {
        var (title, detail) = NotWaitingText(orderId, stage, reply);
        return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail,
            extensions: new Dictionary<string, object?>
            {
                ["code"] = NotWaitingCode(reply),
                ["instanceStatus"] = reply.Status?.ToString(),
                ["openBookmarks"] = reply.OpenBookmarks ?? [],
            });
    }

    /// <summary><c>OnHold</c> for an order in the exception queue, <c>NotWaiting</c> for one whose workflow waits for something else.</summary>
    public static string NotWaitingCode(InstanceReply reply) => reply.Kind == ReplyKind.Held ? "OnHold" : "NotWaiting";

    /// <summary>Why an order took no action: it is on hold (in the exception queue), or its workflow waits for something else.</summary>
    public static (string Title, string Detail) NotWaitingText(long orderId, string stage, InstanceReply reply) =>
        reply.Kind == ReplyKind.Held
            ? ("Order is in the exception queue", $"Order {orderId} is on hold, so it takes no {stage} until its exception is resolved ({reply.Message})")
            : ($"Not waiting for {stage}", $"Order {orderId} is not waiting for {stage} ({reply.Message})");
}
