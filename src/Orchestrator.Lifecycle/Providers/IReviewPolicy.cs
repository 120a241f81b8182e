using Orchestrator.Domain.Orders;

namespace Orchestrator.Lifecycle.Providers;

/// <summary>Decides at service review (客服审核) whether an order must stop for a person, and why.</summary>
public interface IReviewPolicy
{
    /// <summary>Every reason the order is blocked; empty when it may pass on its own.</summary>
    Task<IReadOnlyList<string>> BlockReasonsAsync(SalesOrder order, CancellationToken cancellationToken);
}

/// <summary>
/// The checks review makes before any per-shop rule exists (seed 001): an order whose lines do not all map to goods
/// cannot be picked or deducted, so a person must look at it. Per-shop block-when-matching rules replace this policy.
/// </summary>
public sealed class BuiltInReviewPolicy : IReviewPolicy
{
    public Task<IReadOnlyList<string>> BlockReasonsAsync(SalesOrder order, CancellationToken cancellationToken)
    {
        var reasons = new List<string>();
        if (order.HasUnmappedSku)
        {
            reasons.Add("含未匹配商品 (unmapped merchant code): " + string.Join(", ",
                order.Lines.Where(l => l.Mapping == Domain.Catalog.LineMappingKind.Unmapped).Select(l => l.MerchantCode ?? $"line {l.LineNo}")));
        }

        return Task.FromResult<IReadOnlyList<string>>(reasons);
    }
}
