namespace Orchestrator.Server.Apis.Packages;

/// <summary>
/// Re-divide the goods an order ships from one warehouse into new packages (拆包): <c>warehouseId</c> may be left out
/// when the order ships from one; the quantities per merchant code must add up to what that warehouse ships.
/// </summary>
public sealed record PackageSplitRequest(long? WarehouseId, IReadOnlyList<PackageSplitPackage>? Packages);

public sealed record PackageSplitPackage(IReadOnlyList<PackageSplitLine>? Lines);

public sealed record PackageSplitLine(string? MerchantCode, int? Quantity);
