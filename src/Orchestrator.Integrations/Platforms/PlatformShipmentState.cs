namespace Orchestrator.Integrations.Platforms;

/// <summary>What the platform says of an order's shipment: shipped or not, and the tracking numbers it holds for it.</summary>
public sealed record PlatformShipmentState(bool IsShipped, IReadOnlyList<string> TrackingNumbers)
{
    public static PlatformShipmentState NotShipped { get; } = new(false, []);

    /// <summary>Shipped with <paramref name="trackingNumber"/> (compared as carriers print them: trimmed, case-insensitive).</summary>
    public bool HasTrackingNumber(string trackingNumber) =>
        TrackingNumbers.Any(n => string.Equals(n.Trim(), trackingNumber.Trim(), StringComparison.OrdinalIgnoreCase));
}
