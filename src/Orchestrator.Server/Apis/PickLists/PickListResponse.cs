using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Server.Apis.PickLists;

/// <summary>A wave with what to pick, aggregated by goods in walking order, and the orders it serves.</summary>
public sealed record PickListResponse(
    long Id, long WarehouseId, string WarehouseCode, string WarehouseName, PickListStatus Status, long? ShopId, long? LogisticsCompanyId,
    DateTime CreatedAt, DateTime? ConfirmedAt, int TotalQuantity, IReadOnlyList<PickListItemResponse> Items, IReadOnlyList<PickListOrderResponse> Orders);

/// <summary>One goods to take off the shelf: the total and how it splits over the wave's orders.</summary>
public sealed record PickListItemResponse(
    long GoodsId, string MerchantCode, string Name, string? Spec, string? Barcode, int TotalQuantity, IReadOnlyList<PickListItemOrder> Orders);

public sealed record PickListItemOrder(long OrderId, string PlatformOrderId, int Quantity);

public sealed record PickListOrderResponse(
    int Position, long OrderId, string PlatformOrderId, OrderStatus Status, string ReceiverName, string? Carrier, string? TrackingNumber, DateTime? PayTime);

/// <summary>What confirming the wave did to one order: 200 picked, 409 not waiting for picking (listed, not fatal), 404 no workflow.</summary>
public sealed record PickConfirmResult(long OrderId, int Status, string? WaitingFor, string? Detail);
