namespace Orchestrator.Simulators.Platform;

/// <summary>What an offline send did.</summary>
public enum ShipOutcome
{
    Shipped,

    /// <summary>The trade (or one of the named lines) is consigned already: the platform refuses, whatever tracking number is sent.</summary>
    AlreadyShipped,

    UnknownTrade,

    /// <summary>A <c>sub_tid</c> is not a line of the trade.</summary>
    UnknownLine,
}
