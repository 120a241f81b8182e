namespace Orchestrator.Domain.MasterData;

/// <summary>A seller account on one platform (店铺) with the defaults imported orders take.</summary>
public sealed class Shop : Entity
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    public long PlatformId { get; set; }

    public Platform? Platform { get; set; }

    public bool IsEnabled { get; set; } = true;

    public long? DefaultWarehouseId { get; set; }

    public long? DefaultLogisticsCompanyId { get; set; }

    /// <summary>记账合作伙伴: the business partner the sales document is booked against.</summary>
    public string? AccountingPartner { get; set; }

    /// <summary>默认员工: the employee (and so department) imported orders are assigned to.</summary>
    public string? DefaultEmployee { get; set; }

    /// <summary>允许缺货: orders may be allocated although no warehouse can fill every line (seed 003 §2.3.7).</summary>
    public bool AllowOutOfStock { get; set; }

    /// <summary>拆单发货: when no warehouse has every line, ship from several, one package each.</summary>
    public bool AllowSplitPackages { get; set; }

    /// <summary>The workflow new orders of this shop start; null means the default <c>sales-order</c>.</summary>
    public string? WorkflowDefinitionId { get; set; }

    /// <summary>店铺使用仓库: warehouses this shop ships from, lowest priority number first.</summary>
    public List<ShopWarehouse> Warehouses { get; set; } = [];
}
