namespace Orchestrator.Simulators.Platform;

/// <summary>What an offline send did.</summary>
public enum ShipOutcome
{
    Shipped,
    AlreadyShippedSame,
    AlreadyShippedOther,
    UnknownTrade,
}
