namespace Orchestrator.Domain.Fulfilment;

/// <summary>Where a package stands on the floor, in order.</summary>
public enum PackageStatus
{
    Allocated,
    WaybillIssued,
    Picked,
    Verified,
    Weighed,

    /// <summary>The ship confirmation went out to the platform and its answer is not committed yet (stored before the call).</summary>
    Confirming,
    Shipped,
    Cancelled,
}
