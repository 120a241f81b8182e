using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Orchestrator.Domain.Catalog;
using Orchestrator.Domain.Inventory;
using Orchestrator.Domain.MasterData;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence.Rules;
using Orchestrator.Persistence.Security;
using Orchestrator.Persistence.Workflows;

namespace Orchestrator.Persistence.Audit;

/// <summary>The kinds of record the audit trail covers, by the name the API filters on, and how each is captured.</summary>
public static class AuditEntityTypes
{
    public const string WorkflowDefinition = "WorkflowDefinition";
    public const string RuleSet = "RuleSet";
    public const string BuyerBlacklist = "BuyerBlacklist";
    public const string Shop = "Shop";
    public const string Warehouse = "Warehouse";
    public const string Goods = "Goods";
    public const string Combo = "Combo";
    public const string MerchantCode = "MerchantCode";
    public const string SalesOrder = "SalesOrder";
    public const string StockItem = "StockItem";
    public const string Platform = "Platform";
    public const string LogisticsCompany = "LogisticsCompany";
    public const string StockSyncSettings = "StockSyncSettings";
    public const string User = "User";
    public const string ApiKey = "ApiKey";

    /// <summary>What a person or an integration may change on an order; the rest is the workflow's or the platform's bookkeeping.</summary>
    private static readonly FrozenSet<string> OrderFields = FrozenSet.Create(StringComparer.Ordinal,
        nameof(Domain.Orders.SalesOrder.Status), nameof(Domain.Orders.SalesOrder.ExceptionKind),
        nameof(Domain.Orders.SalesOrder.ReceiverName), nameof(Domain.Orders.SalesOrder.ReceiverMobile),
        nameof(Domain.Orders.SalesOrder.ReceiverProvince), nameof(Domain.Orders.SalesOrder.ReceiverCity),
        nameof(Domain.Orders.SalesOrder.ReceiverDistrict), nameof(Domain.Orders.SalesOrder.ReceiverAddress),
        nameof(Domain.Orders.SalesOrder.ReceiverZip), nameof(Domain.Orders.SalesOrder.BuyerMessage),
        nameof(Domain.Orders.SalesOrder.SellerMemo), nameof(Domain.Orders.SalesOrder.LogisticsCompanyId),
        nameof(Domain.Orders.SalesOrder.WarehouseId));

    // Bookkeeping that changes with every save and says nothing about the edit.
    private static readonly FrozenSet<string> Bookkeeping = FrozenSet.Create(StringComparer.Ordinal,
        "Id", "Version", "Revision", "CreatedAt", "UpdatedAt", "ContentHash", "NormalizedMerchantCode", "NormalizedCode", "NormalizedBuyerNick");

    /// <summary>Every name <c>GET /api/audit?entityType=</c> accepts, including those written by hand (rule sets).</summary>
    public static IReadOnlyList<string> All { get; } =
        [WorkflowDefinition, RuleSet, BuyerBlacklist, Shop, Warehouse, Goods, Combo, MerchantCode, SalesOrder, StockItem, Platform, LogisticsCompany, StockSyncSettings, User, ApiKey];

    /// <summary>The types the save interceptor captures from the change tracker; rule sets are immutable versions, audited by their store.</summary>
    internal static FrozenDictionary<Type, AuditedType> Tracked { get; } = new AuditedType[]
    {
        // A definition's version is which version of the workflow it is (its concurrency counter is Revision); every entry
        // names it in its summary, as a publish changes only the state and would not say which version went live.
        new(typeof(WorkflowDefinitionRecord), WorkflowDefinition, e => ((WorkflowDefinitionRecord)e).DefinitionId,
            Audits: f => f == nameof(WorkflowDefinitionRecord.Version) || !Bookkeeping.Contains(f),
            ContentOnlyWith: (nameof(WorkflowDefinitionRecord.Json), nameof(WorkflowDefinitionRecord.ContentHash)),
            Summary: e => WorkflowDefinitionVersion(((WorkflowDefinitionRecord)e).Version)),
        new(typeof(BuyerBlacklistEntry), BuyerBlacklist, e => $"{((BuyerBlacklistEntry)e).PlatformId}:{((BuyerBlacklistEntry)e).NormalizedBuyerNick}",
            Audits: f => !Bookkeeping.Contains(f)),
        new(typeof(Shop), Shop, null, Audits: f => !Bookkeeping.Contains(f)),
        new(typeof(Warehouse), Warehouse, null, Audits: f => !Bookkeeping.Contains(f)),
        new(typeof(Goods), Goods, null, Audits: f => !Bookkeeping.Contains(f)),
        new(typeof(Combo), Combo, null, Audits: f => !Bookkeeping.Contains(f)),

        // A mapped merchant code, by the code as matched: which goods or combo it ships as.
        new(typeof(MerchantCodeMapping), MerchantCode, e => ((MerchantCodeMapping)e).NormalizedCode, Audits: f => !Bookkeeping.Contains(f)),
        new(typeof(Platform), Platform, null, Audits: f => !Bookkeeping.Contains(f)),
        new(typeof(LogisticsCompany), LogisticsCompany, null, Audits: f => !Bookkeeping.Contains(f)),

        // A shop's stock sync settings, by shop id: whether it pushes, the ratio and the minimum.
        new(typeof(Integrations.StockSyncSettings), StockSyncSettings, e => ((Integrations.StockSyncSettings)e).ShopId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Audits: f => f is nameof(Integrations.StockSyncSettings.IsEnabled) or nameof(Integrations.StockSyncSettings.Ratio)
                or nameof(Integrations.StockSyncSettings.MinimumQuantity)),

        // Orders are created by intake in bulk (the order row is that record); later edits are what people ask about.
        new(typeof(SalesOrder), SalesOrder, null, Audits: OrderFields.Contains, AuditsCreation: false, SkippedWhenRoutine: true),

        // People and keys: who may do what. Never a password hash or stamp, and never a key's hash.
        new(typeof(OrchestratorUser), User, null, Audits: f => f is nameof(OrchestratorUser.UserName) or nameof(OrchestratorUser.Disabled)),
        new(typeof(ApiKey), ApiKey, null, Audits: f => f is nameof(Security.ApiKey.Name) or nameof(Security.ApiKey.ShopId) or nameof(Security.ApiKey.Prefix)
            or nameof(Security.ApiKey.RevokedAt) or nameof(Security.ApiKey.RevokedBy)),

        // On-hand only: reserved moves with every allocation and is the workflow's.
        new(typeof(StockItem), StockItem, e => StockItemId(((StockItem)e).WarehouseId, ((StockItem)e).GoodsId),
            Audits: f => f == nameof(Domain.Inventory.StockItem.OnHand), SkippedWhenRoutine: true),
    }.ToFrozenDictionary(t => t.ClrType);

    /// <summary>Rows of an audited record's list, audited as changes of that record (see <see cref="AuditedChild"/>).</summary>
    internal static FrozenDictionary<Type, AuditedChild> TrackedChildren { get; } = new AuditedChild[]
    {
        new(typeof(ComboItem), typeof(Combo), nameof(ComboItem.ComboId), e => $"items.{((ComboItem)e).GoodsId}.quantity", nameof(ComboItem.Quantity)),
        new(typeof(ShopWarehouse), typeof(Shop), nameof(ShopWarehouse.ShopId), e => $"warehouses.{((ShopWarehouse)e).WarehouseId}.priority",
            nameof(ShopWarehouse.Priority)),

        // A user's roles (by role id) and assigned shops and warehouses (claims), as changes of the user.
        new(typeof(IdentityUserRole<long>), typeof(OrchestratorUser), nameof(IdentityUserRole<long>.UserId),
            e => $"roles.{((IdentityUserRole<long>)e).RoleId}", nameof(IdentityUserRole<long>.RoleId)),
        new(typeof(IdentityUserClaim<long>), typeof(OrchestratorUser), nameof(IdentityUserClaim<long>.UserId),
            e => $"{((IdentityUserClaim<long>)e).ClaimType}.{((IdentityUserClaim<long>)e).ClaimValue}", nameof(IdentityUserClaim<long>.ClaimValue)),
    }.ToFrozenDictionary(t => t.ClrType);

    /// <summary>A stock figure is identified by where and what: <c>&lt;warehouseId&gt;:&lt;goodsId&gt;</c>.</summary>
    public static string StockItemId(long warehouseId, long goodsId) => $"{warehouseId}:{goodsId}";

    /// <summary>The summary of a workflow definition's audit entry: the version it concerns, <c>Version 3</c>.</summary>
    public static string WorkflowDefinitionVersion(int version) => $"Version {version}";

    /// <summary>A rule set is identified by its scope: <c>Shop:1</c>, <c>Platform:2</c>.</summary>
    public static string RuleSetId(RuleScopeKind kind, long scopeId) => $"{kind}:{scopeId}";
}
