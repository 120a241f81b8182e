namespace Orchestrator.Domain.Fulfilment;

/// <summary>Where a package stands on the floor, in order.</summary>
public enum PackageStatus
{
    Allocated,
    WaybillIssued,
    Picked,
    Verified,
    Weighed,
    Shipped,
    Cancelled,
}
