namespace Orchestrator.Lifecycle.Providers;

/// <summary>
/// The platform has the order (or the parcel's lines) shipped with another tracking number than ours, or will not say
/// which: recording ours would contradict what the buyer sees, so a person must decide.
/// </summary>
public sealed class ShipmentConflictException : Exception
{
    public ShipmentConflictException()
    {
    }

    public ShipmentConflictException(string message)
        : base(message)
    {
    }

    public ShipmentConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
