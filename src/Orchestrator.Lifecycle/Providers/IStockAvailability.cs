using Orchestrator.Domain.Orders;

namespace Orchestrator.Lifecycle.Providers;

/// <summary>The lines of an order that cannot be reserved, as inventory reports them.</summary>
public sealed record StockShortage(int LineNo, string? MerchantCode, int Wanted, int Available);

/// <summary>Answers out-of-stock interception (缺货拦截): can every line of the order be reserved?</summary>
public interface IStockAvailability
{
    /// <summary>The lines short of stock; empty when all can be reserved.</summary>
    Task<IReadOnlyList<StockShortage>> ShortagesAsync(SalesOrder order, CancellationToken cancellationToken);
}
