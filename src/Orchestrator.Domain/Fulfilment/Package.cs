namespace Orchestrator.Domain.Fulfilment;

/// <summary>
/// One parcel of an order (包裹), shipped from one warehouse with its own waybill. An order filled by one warehouse has
/// one package; lines shipped from different warehouses, or split on request, make more. Its <see cref="Entity.Version"/>
/// moves with every change to it or its lines, so a grain holding the order between runs can tell that a package was
/// changed elsewhere.
/// </summary>
public sealed class Package : Entity
{
    public long OrderId { get; set; }

    /// <summary>1, 2, … within the order; part of the package's waybill key.</summary>
    public int Sequence { get; set; }

    public long WarehouseId { get; set; }

    public PackageStatus Status { get; set; }

    /// <summary>The number of the package's live waybill (the <see cref="Waybill"/> rows point here); a cancelled one is replaced, never reused.</summary>
    public string? TrackingNumber { get; set; }

    public decimal? WeightKg { get; set; }

    public List<PackageLine> Lines { get; set; } = [];

    /// <summary>Moves forward to <paramref name="status"/>; never backward (a replayed stimulus changes nothing).</summary>
    public void Reach(PackageStatus status)
    {
        if (status > Status)
        {
            Status = status;
        }
    }
}
