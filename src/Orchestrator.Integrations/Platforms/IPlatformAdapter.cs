using Orchestrator.Domain.Orders;

namespace Orchestrator.Integrations.Platforms;

/// <summary>One shop's connection to its sales platform: orders in, shipments and stock out.</summary>
public interface IPlatformAdapter
{
    /// <summary>Orders the platform changed in [<paramref name="since"/>, <paramref name="until"/>] (to the second, both ends: a cursor re-reads its boundary and intake dedupes), all pages, in intake's shape.</summary>
    Task<IReadOnlyList<PlatformOrder>> PullOrdersAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Tells the platform the order shipped; repeating it with the same order and tracking number is harmless.</summary>
    Task ConfirmShipmentAsync(ShipmentNotice notice, CancellationToken cancellationToken);

    /// <summary>Sets the sellable quantity of one merchant code on the platform (full update, so repeats are harmless).</summary>
    Task UpdateStockAsync(string merchantCode, int quantity, CancellationToken cancellationToken);
}
