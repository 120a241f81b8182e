using System.Text.Json.Nodes;
using Orchestrator.Domain.Orders;
using Orchestrator.Lifecycle.Providers;
using Orchestrator.Persistence;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Execution;

namespace Orchestrator.Lifecycle.Activities;

/// <summary>Takes the imported order into the lifecycle; an unpaid order waits on <c>Paid</c> until a push says it is paid.</summary>
public sealed class ImportOrderActivity : OrderActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("ImportOrder", Category, "Import order", [], ["Imported", "Cancelled"],
        SuspendsOnBookmark: true, Description: "Checks the order arrived complete; waits while the buyer has not paid (WAIT_BUYER_PAY).");

    protected override ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db) =>
        ValueTask.FromResult(Classify(order));

    protected override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, SalesOrder order, Stimulus stimulus, OrchestratorDbContext db) =>
        ValueTask.FromResult(Classify(order));

    private static ActivityResult Classify(SalesOrder order) => order.Status switch
    {
        OrderStatus.Cancelled => ActivityResult.Follow("Cancelled"),
        OrderStatus.AwaitingPayment => ActivityResult.Wait("Paid", new JsonObject { ["reason"] = $"Awaiting payment ({order.PlatformStatus})" }),
        _ => ActivityResult.Follow("Imported", new JsonObject
        {
            ["platformOrderId"] = order.PlatformOrderId,
            ["status"] = order.Status.ToString(),
            ["lines"] = order.Lines.Count,
            ["payment"] = order.Payment,
        }),
    };
}

/// <summary>
/// 客服审核: asks the review policy. Approve → Approved; Block → Blocked with every reason on the order; RouteToException →
/// Exception; Hold → waits on a <c>Hold</c> timer and reviews again when it fires.
/// </summary>
public sealed class ServiceReviewActivity : OrderActivity
{
    public const string HoldBookmark = "Hold";

    public override ActivityDescriptor Descriptor { get; } = new("ServiceReview", Category, "Service review", [], ["Approved", "Blocked", "Exception"],
        SuspendsOnBookmark: true, Description: "Checks the order against the shop's block-when-matching rules (满足条件阻止).");

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db)
    {
        var decision = await context.GetRequiredService<IReviewPolicy>().DecideAsync(order, context.CancellationToken);
        var reasons = new JsonArray([.. decision.Reasons.Select(r => JsonValue.Create(r))]);
        Touch(order, context);
        switch (decision.Verdict)
        {
            case ReviewVerdict.Hold when decision.HoldUntil is { } until && until > context.Now:
                return ActivityResult.Wait(HoldBookmark, new JsonObject { ["reason"] = string.Join("\n", decision.Reasons), ["until"] = until }, until);
            case ReviewVerdict.Block:
                order.Status = OrderStatus.Blocked;
                order.BlockReason = Truncate(string.Join("\n", decision.Reasons));
                return ActivityResult.Follow("Blocked", new JsonObject { ["reasons"] = reasons });
            case ReviewVerdict.RouteToException:
                order.Status = OrderStatus.Exception;
                order.ExceptionKind = OrderExceptionKind.RuleMatched;
                order.ExceptionDetail = Truncate(string.Join("\n", decision.Reasons));
                return ActivityResult.Follow("Exception", new JsonObject { ["reasons"] = reasons });
            default:
                order.BlockReason = null;
                return ActivityResult.Follow("Approved", decision.Reasons.Count == 0 ? null : new JsonObject { ["reasons"] = reasons });
        }
    }

    // The hold is over: review again, since the order or the rules may have changed meanwhile.
    protected override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, SalesOrder order, Stimulus stimulus, OrchestratorDbContext db) =>
        RunAsync(context, order, db);

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..1999] + "…";
}

/// <summary>
/// Waits on <c>Review</c> for a reviewer: <c>{ "decision": "approve" | "reject" | "exception", "reviewer": "…", "note": "…" }</c>;
/// reject cancels the order, exception sets it aside in the exception queue.
/// </summary>
public sealed class AwaitReviewActivity : OrderActivity
{
    public const string Bookmark = "Review";

    public override ActivityDescriptor Descriptor { get; } = new("AwaitReview", Category, "Await reviewer", [], ["Approved", "Rejected", "Exception"],
        SuspendsOnBookmark: true, Description: "A reviewer approves or rejects the blocked order.");

    protected override ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db) =>
        ValueTask.FromResult(ActivityResult.Wait(Bookmark, new JsonObject { ["reason"] = order.BlockReason ?? "Manual review" }));

    protected override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, SalesOrder order, Stimulus stimulus, OrchestratorDbContext db)
    {
        var decision = stimulus.Input?["decision"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? stimulus.Input["decision"]!.GetValue<string>()
            : null;
        var outputs = new JsonObject { ["reviewer"] = stimulus.Input?["reviewer"]?.DeepClone(), ["note"] = stimulus.Input?["note"]?.DeepClone() };
        Touch(order, context);
        switch (decision?.ToUpperInvariant())
        {
            case "APPROVE":
                if (order.Status is OrderStatus.Blocked or OrderStatus.Exception)
                {
                    order.Status = OrderStatus.PendingReview;
                }

                order.BlockReason = null;
                return ValueTask.FromResult(ActivityResult.Follow("Approved", outputs));
            case "REJECT":
                return ValueTask.FromResult(ActivityResult.Follow("Rejected", outputs));
            case "EXCEPTION":
                order.Status = OrderStatus.Exception;
                order.ExceptionKind = OrderExceptionKind.RuleMatched;
                order.ExceptionDetail = "Set aside by the reviewer" + (stimulus.Input?["note"] is { } note ? ": " + note : "");
                return ValueTask.FromResult(ActivityResult.Follow("Exception", outputs));
            default:
                throw new StimulusRejectedException("Say \"decision\": \"approve\", \"reject\" or \"exception\".", "decision");
        }
    }
}

/// <summary>Cancels the order (a rejected review, a closed trade).</summary>
public sealed class CancelOrderActivity : OrderActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("CancelOrder", Category, "Cancel order",
        [new InputDescriptor("reason", "Reason", InputType.Text)], ["Done"], Description: "Marks the order cancelled.");

    protected override ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db)
    {
        order.Status = OrderStatus.Cancelled;
        Touch(order, context);
        return ValueTask.FromResult(ActivityResult.Follow("Done", new JsonObject { ["reason"] = context.TextInput("reason") }));
    }
}
