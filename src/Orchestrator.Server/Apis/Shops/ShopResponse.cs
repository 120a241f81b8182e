using Orchestrator.Domain.MasterData;

namespace Orchestrator.Server.Apis.Shops;

public sealed record ShopResponse(
    long Id, string Code, string Name, string Platform, bool IsEnabled, long? DefaultWarehouseId, long? DefaultLogisticsCompanyId,
    string? AccountingPartner, string? DefaultEmployee, bool AllowOutOfStock, IReadOnlyList<WarehousePriority> Warehouses, int Version,
    string? WorkflowDefinitionId, bool AllowSplitPackages)
{
    public static ShopResponse From(Shop s) =>
        new(s.Id, s.Code, s.Name, s.Platform?.Code ?? "", s.IsEnabled, s.DefaultWarehouseId, s.DefaultLogisticsCompanyId,
            s.AccountingPartner, s.DefaultEmployee, s.AllowOutOfStock,
            s.Warehouses.OrderBy(w => w.Priority).Select(w => new WarehousePriority(w.WarehouseId, w.Priority)).ToList(),
            s.Version, s.WorkflowDefinitionId, s.AllowSplitPackages);
}
