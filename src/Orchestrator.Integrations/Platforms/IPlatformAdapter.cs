using Orchestrator.Domain.Orders;

namespace Orchestrator.Integrations.Platforms;

/// <summary>One shop's connection to its sales platform: orders in, shipments and stock out.</summary>
public interface IPlatformAdapter
{
    /// <summary>Orders the platform changed in [<paramref name="since"/>, <paramref name="until"/>] (to the second, both ends: a cursor re-reads its boundary and intake dedupes), all pages, in intake's shape.</summary>
    Task<IReadOnlyList<PlatformOrder>> PullOrdersAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Tells the platform the order shipped; a platform refuses a second send for a shipped order (ask <see cref="ShipmentStateAsync"/>).</summary>
    Task ConfirmShipmentAsync(ShipmentNotice notice, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the platform has the order (or, for a split parcel, every line in <paramref name="splitLineIds"/>) shipped
    /// already, and with which tracking numbers: what a ship confirmation asks before it sends again.
    /// </summary>
    Task<PlatformShipmentState> ShipmentStateAsync(string platformOrderId, IReadOnlyList<string>? splitLineIds, CancellationToken cancellationToken);

    /// <summary>Sets the sellable quantity of one merchant code on the platform (full update, so repeats are harmless).</summary>
    Task UpdateStockAsync(string merchantCode, int quantity, CancellationToken cancellationToken);
}
