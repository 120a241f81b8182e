using Orchestrator.Domain.Fulfilment;

namespace Orchestrator.Server.Apis.Packages;

/// <summary>One parcel of an order: where it ships from, its live tracking number, what is in it.</summary>
public sealed record PackageResponse(
    long Id, long OrderId, int Sequence, long WarehouseId, PackageStatus Status, string? TrackingNumber, decimal? WeightKg, IReadOnlyList<PackageLineResponse> Lines)
{
    public static PackageResponse From(Package p) =>
        new(p.Id, p.OrderId, p.Sequence, p.WarehouseId, p.Status, p.TrackingNumber, p.WeightKg,
            [.. p.Lines.OrderBy(l => l.LineNo).Select(l => new PackageLineResponse(l.LineNo, l.GoodsId, l.MerchantCode, l.Quantity, l.Scanned))]);
}

public sealed record PackageLineResponse(int LineNo, long GoodsId, string MerchantCode, int Quantity, int Scanned);
