using Orchestrator.Domain.MasterData;

namespace Orchestrator.Server.Apis.Warehouses;

public sealed record WarehouseResponse(
    long Id, string Code, string Name, string Province, string City, string? District, string Address,
    string? ContactName, string? ContactPhone, bool IsEnabled, int Version)
{
    public static WarehouseResponse From(Warehouse w) =>
        new(w.Id, w.Code, w.Name, w.Province, w.City, w.District, w.Address, w.ContactName, w.ContactPhone, w.IsEnabled, w.Version);
}
