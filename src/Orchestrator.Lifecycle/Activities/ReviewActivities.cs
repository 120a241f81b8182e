using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Catalog;
using Orchestrator.Domain.Orders;
using Orchestrator.Lifecycle.Inventory;
using Orchestrator.Lifecycle.Providers;
using Orchestrator.Lifecycle.Providers.Waybills;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Intake;
using Orchestrator.Persistence.Inventory;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Definitions;
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
/// Exception; Hold → waits on a <c>Hold</c> timer and reviews again when it fires. Lines that mapped to no goods are
/// mapped again first (master data may have been fixed since); an order still unmapped goes to the exception queue as
/// <c>UnmappedSku</c>, not to a reviewer.
/// </summary>
public sealed class ServiceReviewActivity : OrderActivity
{
    public const string HoldBookmark = "Hold";

    public override ActivityDescriptor Descriptor { get; } = new("ServiceReview", Category, "Service review", [], ["Approved", "Blocked", "Exception"],
        SuspendsOnBookmark: true, Description: "Checks the order against the shop's block-when-matching rules (满足条件阻止).");

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db)
    {
        if (order.HasUnmappedSku)
        {
            var codes = order.Lines.Where(l => l.Mapping == LineMappingKind.Unmapped).Select(l => l.MerchantCode);
            order.RemapUnmappedLines(await MerchantCodeCatalogs.LoadAsync(db, codes, context.CancellationToken), context.Now);
        }

        var decision = await context.GetRequiredService<IReviewPolicy>().DecideAsync(order, context.CancellationToken);
        Touch(order, context);
        switch (decision.Verdict)
        {
            case ReviewVerdict.Hold when decision.HoldUntil is { } until && until > context.Now:
                var hold = Outputs(decision);
                hold["reason"] = string.Join("\n", decision.Reasons);
                hold["until"] = until;
                return ActivityResult.Wait(HoldBookmark, hold, until);
            case ReviewVerdict.Block:
                order.Status = OrderStatus.Blocked;
                order.BlockReason = Truncate(string.Join("\n", decision.Reasons));
                return ActivityResult.Follow("Blocked", Outputs(decision));
            case ReviewVerdict.RouteToException:
                order.Status = OrderStatus.Exception;
                order.ExceptionKind = order.HasUnmappedSku ? OrderExceptionKind.UnmappedSku : OrderExceptionKind.RuleMatched;
                order.ExceptionDetail = Truncate(string.Join("\n", decision.Reasons));
                order.BlockReason = null;
                return ActivityResult.Follow("Exception", Outputs(decision));
            case ReviewVerdict.Approve:
            case ReviewVerdict.Hold when decision.HoldUntil is not null:
                // A hold that fell due between the decision and here is over.
                order.BlockReason = null;
                return ActivityResult.Follow("Approved", decision.Reasons.Count == 0 && decision.PlatformRuleSetVersion is null && decision.ShopRuleSetVersion is null
                    ? null
                    : Outputs(decision));
            default:
                // A hold without a time: never approve by accident (DESIGN.md §7), a person looks at it.
                order.Status = OrderStatus.Blocked;
                order.BlockReason = Truncate(string.Join("\n", decision.Reasons.DefaultIfEmpty("The hold time could not be computed.")));
                return ActivityResult.Follow("Blocked", Outputs(decision));
        }
    }

    // The journal keeps which rule-set versions decided and what could not be evaluated, beside the reasons.
    private static JsonObject Outputs(ReviewDecision decision)
    {
        var outputs = new JsonObject { ["reasons"] = new JsonArray([.. decision.Reasons.Select(r => JsonValue.Create(r))]) };
        if (decision.PlatformRuleSetVersion is not null || decision.ShopRuleSetVersion is not null)
        {
            outputs["ruleSets"] = new JsonObject { ["platform"] = decision.PlatformRuleSetVersion, ["shop"] = decision.ShopRuleSetVersion };
        }

        if (decision.Warnings.Count > 0)
        {
            outputs["warnings"] = new JsonArray([.. decision.Warnings.Select(w => JsonValue.Create(w))]);
        }

        return outputs;
    }

    // The hold is over: review again, since the order or the rules may have changed meanwhile.
    protected override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, SalesOrder order, Stimulus stimulus, OrchestratorDbContext db) =>
        RunAsync(context, order, db);

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..1999] + "…";
}

/// <summary>
/// Waits on <c>Review</c> for a reviewer: <c>{ "decision": "approve" | "reject" | "exception", "reviewer": "…", "note": "…" }</c>;
/// reject cancels the order, exception sets it aside in the exception queue. An approval may carry
/// <c>"changes": { "receiver": { … }, "sellerMemo": "…", "logisticsCompanyId": 2 }</c>, applied in the same step.
/// </summary>
public sealed class AwaitReviewActivity : OrderActivity
{
    public const string Bookmark = "Review";

    public override ActivityDescriptor Descriptor { get; } = new("AwaitReview", Category, "Await reviewer", [], ["Approved", "Rejected", "Exception"],
        SuspendsOnBookmark: true, Description: "A reviewer approves (optionally after editing), rejects, or sets the blocked order aside.");

    // Without a review block reason the order came another way (a Decision on the canvas, a rejected pick): name that activity.
    protected override ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db) =>
        ValueTask.FromResult(ActivityResult.Wait(Bookmark, new JsonObject { ["reason"] = order.BlockReason ?? RoutedBy(context.From) ?? "Manual review" }));

    private static string? RoutedBy(ActivityNode? from) => from is null ? null : string.IsNullOrWhiteSpace(from.Name) ? from.Id : from.Name;

    protected override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, SalesOrder order, Stimulus stimulus, OrchestratorDbContext db)
    {
        var input = stimulus.Input as JsonObject;
        var decision = Text(input, "decision");
        var outputs = new JsonObject { ["decision"] = decision, ["reviewer"] = Text(input, "reviewer"), ["note"] = Text(input, "note") };
        Touch(order, context);
        switch (decision?.ToUpperInvariant())
        {
            case "APPROVE":
                if (input?["changes"] is JsonObject changes)
                {
                    await ApplyChangesAsync(order, changes, db, context.CancellationToken);
                    outputs["changes"] = changes.DeepClone();
                }

                if (order.Status is OrderStatus.Blocked or OrderStatus.Exception)
                {
                    order.Status = OrderStatus.PendingReview;
                }

                order.BlockReason = null;
                return ActivityResult.Follow("Approved", outputs);
            case "REJECT":
                return ActivityResult.Follow("Rejected", outputs);
            case "EXCEPTION":
                order.Status = OrderStatus.Exception;
                order.ExceptionKind = OrderExceptionKind.RuleMatched;
                order.ExceptionDetail = "Set aside by the reviewer" + (Text(input, "note") is { } note ? ": " + note : "");
                return ActivityResult.Follow("Exception", outputs);
            default:
                throw new StimulusRejectedException("Say \"decision\": \"approve\", \"reject\" or \"exception\".", "decision");
        }
    }

    /// <summary>The edits a reviewer may make before approving (客服修改): receiver, seller memo, carrier.</summary>
    private static async Task ApplyChangesAsync(SalesOrder order, JsonObject changes, OrchestratorDbContext db, CancellationToken cancellationToken)
    {
        if (changes["logisticsCompanyId"] is JsonValue carrier)
        {
            var id = carrier.TryGetValue<long>(out var value) ? value : 0;
            if (!await db.LogisticsCompanies.AnyAsync(l => l.Id == id && l.IsEnabled, cancellationToken))
            {
                throw new StimulusRejectedException($"No enabled logistics company has id {carrier.ToJsonString()}.", "changes.logisticsCompanyId");
            }

            order.LogisticsCompanyId = id;
        }

        if (changes.ContainsKey("sellerMemo"))
        {
            order.SellerMemo = Text(changes, "sellerMemo");
        }

        if (changes["receiver"] is JsonObject receiver)
        {
            order.ReceiverName = Required(receiver, "name", order.ReceiverName, PlatformOrderLimits.NameLength);
            order.ReceiverMobile = PhoneNumber.Normalize(Required(receiver, "mobile", order.ReceiverMobile, PlatformOrderLimits.MobileLength));
            order.ReceiverProvince = Required(receiver, "province", order.ReceiverProvince);
            order.ReceiverCity = Required(receiver, "city", order.ReceiverCity);
            order.ReceiverAddress = Required(receiver, "address", order.ReceiverAddress, PlatformOrderLimits.AddressLength);
            order.ReceiverDistrict = receiver.ContainsKey("district") ? Text(receiver, "district") : order.ReceiverDistrict;
            order.ReceiverZip = receiver.ContainsKey("zip") ? Text(receiver, "zip") : order.ReceiverZip;
        }
    }

    private static string Required(JsonObject receiver, string field, string current, int maxLength = int.MaxValue)
    {
        if (!receiver.ContainsKey(field))
        {
            return current;
        }

        // Bounded like intake's, since PostgreSQL refuses a value past the column's length.
        var value = Text(receiver, field)?.Trim();
        return string.IsNullOrEmpty(value) ? throw new StimulusRejectedException($"The receiver's {field} cannot be empty.", $"changes.receiver.{field}")
            : value.Length > maxLength ? throw new StimulusRejectedException($"The receiver's {field} has at most {maxLength} characters.", $"changes.receiver.{field}")
            : value;
    }

    private static string? Text(JsonObject? node, string field) =>
        node?[field] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : null;
}

/// <summary>Cancels the order (a rejected review, a closed trade).</summary>
public sealed class CancelOrderActivity : OrderActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("CancelOrder", Category, "Cancel order",
        [new InputDescriptor("reason", "Reason", InputType.Text)], ["Done"], Description: "Marks the order cancelled, gives back any stock it held and cancels its waybills at the carrier.");

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db)
    {
        order.Status = OrderStatus.Cancelled;
        Touch(order, context);
        if (await context.GetRequiredService<StockLedger>().ReleaseAsync(order.Id, context.Now, context.CancellationToken) > 0)
        {
            db.AfterCommit(context.GetRequiredService<StockArrivals>().Signal);
        }

        // Committed with the step; the cancellation job tells the carrier, retrying until it confirms (seed 004: numbers cost money).
        var reason = context.TextInput("reason");
        var waybills = await context.GetRequiredService<OrderWaybills>().RequestCancelAllAsync(order.Id, reason ?? "order cancelled", context.CancellationToken);
        if (order.TrackingNumber is not null && waybills > 0)
        {
            order.TrackingNumber = null;
        }

        (await db.Packages.Where(p => p.OrderId == order.Id).ToListAsync(context.CancellationToken)).ForEach(p => p.Status = Domain.Fulfilment.PackageStatus.Cancelled);

        return ActivityResult.Follow("Done", new JsonObject { ["reason"] = reason, ["waybillsCancelled"] = waybills });
    }
}
