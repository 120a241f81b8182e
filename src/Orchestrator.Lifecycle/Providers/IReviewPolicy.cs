using Orchestrator.Domain.Orders;

namespace Orchestrator.Lifecycle.Providers;

/// <summary>What service review (客服审核) does with an order, most severe first.</summary>
public enum ReviewVerdict
{
    /// <summary>Passes on its own.</summary>
    Approve,

    /// <summary>Waits until a time, then is reviewed again (e.g. a cooling-off period for large orders).</summary>
    Hold,

    /// <summary>Stops for a reviewer, with every reason shown (满足条件阻止).</summary>
    Block,

    /// <summary>Set aside in the exception queue (异常队列) for someone to resolve.</summary>
    RouteToException,
}

/// <summary>
/// The review's decision and every reason behind it; <see cref="HoldUntil"/> is set for <see cref="ReviewVerdict.Hold"/>.
/// <see cref="Warnings"/> name what could not be evaluated; the versions say which rule sets decided.
/// </summary>
public sealed record ReviewDecision(ReviewVerdict Verdict, IReadOnlyList<string> Reasons, DateTime? HoldUntil = null)
{
    public static ReviewDecision Approve { get; } = new(ReviewVerdict.Approve, []);

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public int? PlatformRuleSetVersion { get; init; }

    public int? ShopRuleSetVersion { get; init; }
}

/// <summary>Decides at service review whether an order passes, waits, stops for a person or goes to the exception queue.</summary>
public interface IReviewPolicy
{
    Task<ReviewDecision> DecideAsync(SalesOrder order, CancellationToken cancellationToken);
}

/// <summary>
/// The check review makes before any per-shop rule (seed 001): an order whose lines do not all map to goods cannot be
/// picked or deducted. The fix is master data (add the code to goods or a combo), not a reviewer's decision, so the order
/// goes to the exception queue as <c>UnmappedSku</c>, as peers do, and continues once re-mapped. Rule-based policies include this check.
/// </summary>
public sealed class BuiltInReviewPolicy : IReviewPolicy
{
    public Task<ReviewDecision> DecideAsync(SalesOrder order, CancellationToken cancellationToken) =>
        Task.FromResult(UnmappedSkuReason(order) is { } reason ? new ReviewDecision(ReviewVerdict.RouteToException, [reason]) : ReviewDecision.Approve);

    /// <summary>Why an order with unmapped merchant codes goes to the exception queue (each code once), or null when every line maps.</summary>
    public static string? UnmappedSkuReason(SalesOrder order) =>
        order.HasUnmappedSku ? "含未匹配商品 (unmapped merchant code): " + string.Join(", ", order.UnmappedCodes()) : null;
}
