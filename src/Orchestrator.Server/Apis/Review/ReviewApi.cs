using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Lifecycle.Activities;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Audit;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Server.Apis.Audit;
using Orchestrator.Server.Apis.Orders;
using Orchestrator.Server.Apis.WorkflowInstances;
using Orchestrator.Server.Security;
using Orchestrator.Workflows.Execution;
using Orchestrator.Workflows.Runtime.Grains;

namespace Orchestrator.Server.Apis.Review;

/// <summary>
/// The reviewers' inbox (客服审核): orders blocked at review, and approve / edit-and-approve / reject. Two reviewers acting
/// on one order at once: the instance's grain takes one stimulus, the other gets 409 naming who acted. Several orders at
/// once: <see cref="ReviewBatch"/>.
/// </summary>
internal static class ReviewApi
{
    /// <summary>The inbox's tabs: waiting longer than half an hour, two hours, a day (its <c>olderThanMinutes</c> filter).</summary>
    public static readonly int[] Ages = [30, 120, 1440];

    /// <summary>Longest waiting first, the order id breaking ties (the list and its export).</summary>
    internal static readonly Keyset<ReviewQueueRow> LongestWaitingFirst =
        Keyset.Of<ReviewQueueRow, DateTime, long>("review", r => r.WaitingSince, r => r.OrderId, descending: false);

    public static IEndpointRouteBuilder MapReviewApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/review").WithTags("Review").ForReviewers();
        group.MapGet("/queue", Queue);
        group.MapGet("/queue/counts", Counts);
        group.MapGet("/queue/export.csv", ReviewExport.ExportAsync);
        group.MapPost("/orders/{orderId:long}:approve", Approve).Validate<ApproveRequest>().ScopedToOrderShop();
        group.MapPost("/orders/{orderId:long}:reject", Reject).Validate<RejectRequest>().ScopedToOrderShop();
        group.MapPost("/orders:approve", ReviewBatch.ApproveAsync).Validate<ReviewBatchApproveRequest>();
        group.MapPost("/orders:reject", ReviewBatch.RejectAsync).Validate<ReviewBatchRejectRequest>();
        return routes;
    }

    private static async Task<IResult> Queue(
        HttpContext http, OrchestratorDbContext db, TimeProvider clock, [AsParameters] CursorPageQuery page, long? shopId, string? reason, int? olderThanMinutes, CancellationToken ct)
    {
        if ((page.Problem() ?? ReviewFilter.Problem(reason, olderThanMinutes)) is { } problem)
        {
            return problem;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var waiting = ReviewFilter.Waiting(db, http.User, shopId, reason).OlderThan(olderThanMinutes, now);
        return await Rows(db, waiting).ToPageAsync(page, LongestWaitingFirst, r => r, r => r.ToItem(now), ct);
    }

    /// <summary>The waiting instances with the columns of their orders a row shows.</summary>
    internal static IQueryable<ReviewQueueRow> Rows(OrchestratorDbContext db, IQueryable<WorkflowInstanceRecord> waiting) =>
        waiting.Join(db.SalesOrders, i => i.SalesOrderId, o => o.Id, (i, o) => new ReviewQueueRow
        {
            OrderId = o.Id,
            InstanceId = i.Id,
            ShopId = o.ShopId,
            PlatformOrderId = o.PlatformOrderId,
            BuyerNick = o.BuyerNick,
            Payment = o.Payment,
            BuyerMessage = o.BuyerMessage,
            SellerMemo = o.SellerMemo,
            ReceiverProvince = o.ReceiverProvince,
            ReceiverCity = o.ReceiverCity,
            ReceiverDistrict = o.ReceiverDistrict,
            ReceiverAddress = o.ReceiverAddress,
            BlockedReason = i.BlockedReason,
            WaitingSince = i.UpdatedAt,
        });

    /// <summary>
    /// How many orders the inbox holds for the same shop and reason, and how many of them wait longer than each of <see cref="Ages"/>:
    /// one GROUP BY over the waiting range of the (WaitingFor, UpdatedAt) index, by how many of the ages an order has passed.
    /// No join with the orders: an instance's order is a foreign key, so one with an order id has its order.
    /// </summary>
    private static async Task<IResult> Counts(HttpContext http, OrchestratorDbContext db, TimeProvider clock, long? shopId, string? reason, CancellationToken ct)
    {
        if (ReviewFilter.Problem(reason, null) is { } problem)
        {
            return problem;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (halfHour, twoHours, day) = (now.AddMinutes(-Ages[0]), now.AddMinutes(-Ages[1]), now.AddMinutes(-Ages[2]));
        var bands = await ReviewFilter.Waiting(db, http.User, shopId, reason).Where(i => i.SalesOrderId != null)
            .GroupBy(i => i.UpdatedAt <= day ? 3 : i.UpdatedAt <= twoHours ? 2 : i.UpdatedAt <= halfHour ? 1 : 0)
            .Select(g => new { Passed = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var olderThan = Ages.Select((age, i) => (age, i)).ToDictionary(a => a.age, a => bands.Where(b => b.Passed > a.i).Sum(b => b.Count));
        return Results.Ok(new ReviewCountsResponse(bands.Sum(b => b.Count), olderThan));
    }

    internal static async Task<IResult> Approve(
        long orderId, ApproveRequest request, HttpContext context, OrchestratorDbContext db, OrderInstances instances, IGrainFactory grains, IAuditActor actor, CancellationToken ct)
    {
        using var acting = actor.ActFor(context.User.ActorName());
        return await DecideAsync(orderId, new JsonObject
        {
            ["decision"] = "approve",
            ["reviewer"] = context.User.ActorName(),
            ["note"] = request.Note,
            ["changes"] = request.Changes?.DeepClone(),
        }, instances, db, grains, ct);
    }

    internal static async Task<IResult> Reject(
        long orderId, RejectRequest request, HttpContext context, OrchestratorDbContext db, OrderInstances instances, IGrainFactory grains, IAuditActor actor, CancellationToken ct)
    {
        using var acting = actor.ActFor(context.User.ActorName());
        return await DecideAsync(orderId, new JsonObject
        {
            ["decision"] = request.Mode == "exception" ? "exception" : "reject",
            ["reviewer"] = context.User.ActorName(),
            ["note"] = request.Reason,
        }, instances, db, grains, ct);
    }

    private static async Task<IResult> DecideAsync(long orderId, JsonObject stimulus, OrderInstances instances, OrchestratorDbContext db, IGrainFactory grains, CancellationToken ct)
    {
        if (await OrderStimuli.SendAsync(instances, db, grains, orderId, AwaitReviewActivity.Bookmark, stimulus, ct) is not var (reply, id))
        {
            return Problems.NotFound("Order under review", orderId);
        }

        return reply.Kind switch
        {
            ReplyKind.Done => await OrderStimuli.DoneAsync(db, orderId, id, reply, ct),
            ReplyKind.Rejected => Problems.Invalid(reply.Field ?? "payload", reply.Message ?? "The decision was refused."),
            _ => await AlreadyHandledAsync(db, orderId, id, reply, ct),
        };
    }

    /// <summary>409 naming who decided the order, from the journal, or why it is not waiting for review at all.</summary>
    private static async Task<IResult> AlreadyHandledAsync(OrchestratorDbContext db, long orderId, Guid instanceId, InstanceReply reply, CancellationToken ct)
    {
        var last = await db.WorkflowJournal.AsNoTracking()
            .Where(j => j.InstanceId == instanceId && j.ActivityType == "AwaitReview" && j.Event == JournalEvent.Completed)
            .OrderByDescending(j => j.Sequence)
            .FirstOrDefaultAsync(ct);
        var openBookmarks = reply.OpenBookmarks ?? [];
        if (last is not null && !openBookmarks.Contains(AwaitReviewActivity.Bookmark))
        {
            var outputs = last.Outputs is null ? null : JsonNode.Parse(last.Outputs);
            var reviewer = outputs?["reviewer"]?.GetValue<string>() ?? "someone";
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already handled",
                detail: $"Order {orderId} was already handled by {reviewer}: {last.Outcome} at {last.StartedAt:u}.",
                extensions: new Dictionary<string, object?> { ["handledBy"] = reviewer, ["outcome"] = last.Outcome, ["handledAt"] = last.StartedAt });
        }

        return OrderStimuli.NotWaiting(orderId, "review", reply);
    }
}
