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

/// <summary>客服审核: asks the review policy; no reason to stop → Approved, otherwise Blocked with every reason on the order.</summary>
public sealed class ServiceReviewActivity : OrderActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("ServiceReview", Category, "Service review", [], ["Approved", "Blocked"],
        Description: "Checks the order against the shop's block-when-matching rules (满足条件阻止).");

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db)
    {
        var policy = context.GetRequiredService<IReviewPolicy>();
        var reasons = await policy.BlockReasonsAsync(order, context.CancellationToken);
        Touch(order, context);
        if (reasons.Count == 0)
        {
            order.BlockReason = null;
            return ActivityResult.Follow("Approved");
        }

        order.Status = OrderStatus.Blocked;
        order.BlockReason = string.Join("\n", reasons);
        return ActivityResult.Follow("Blocked", new JsonObject { ["reasons"] = new JsonArray([.. reasons.Select(r => JsonValue.Create(r))]) });
    }
}

/// <summary>
/// Waits on <c>Review</c> for a reviewer: <c>{ "decision": "approve" | "reject", "reviewer": "…", "note": "…" }</c>.
/// </summary>
public sealed class AwaitReviewActivity : OrderActivity
{
    public const string Bookmark = "Review";

    public override ActivityDescriptor Descriptor { get; } = new("AwaitReview", Category, "Await reviewer", [], ["Approved", "Rejected"],
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
            default:
                throw new StimulusRejectedException("Say \"decision\": \"approve\" or \"reject\".", "decision");
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
