using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;
using Orchestrator.Server.Apis.Packages;

namespace Orchestrator.Server.Apis.Orders;

public sealed record OrderResponse(
    long Id,
    long ShopId,
    string PlatformOrderId,
    string PlatformStatus,
    OrderStatus Status,
    OrderExceptionKind ExceptionKind,
    string? ExceptionDetail,
    bool HasUnmappedSku,
    string? BuyerNick,
    ReceiverRequest Receiver,
    string? BuyerMessage,
    string? SellerMemo,
    DateTime? Created,
    DateTime? PayTime,
    DateTime? Modified,
    decimal TotalFee,
    decimal PostFee,
    decimal DiscountFee,
    decimal Payment,
    bool IsCod,
    long? WarehouseId,
    long? LogisticsCompanyId,
    string? BlockReason,
    string? TrackingNumber,
    decimal? WeightKg,
    decimal? ExpectedWeightKg,
    bool IsWeightOutOfTolerance,
    decimal? FreightFee,
    DateTime? ShippedAt,
    string? AccountingPartner,
    string? Employee,
    bool HasPendingPlatformChange,
    DateTime? PendingPlatformChangeAt,
    DateTime ReceivedAt,
    DateTime UpdatedAt,
    int Version,
    IReadOnlyList<OrderLineResponse> Lines)
{
    /// <summary>The order's packages with their tracking numbers, on the single-order and floor views (null in lists and intake answers).</summary>
    public IReadOnlyList<PackageResponse>? Packages { get; init; }

    /// <summary>The order with its packages, for the views that show one order.</summary>
    public static async Task<OrderResponse> WithPackagesAsync(OrchestratorDbContext db, SalesOrder order, CancellationToken ct) =>
        From(order) with { Packages = await PackagesAsync(db, order.Id, ct) };

    /// <summary>The order's packages, cancelled ones too, by sequence, as the views that show one order list them.</summary>
    public static async Task<List<PackageResponse>> PackagesAsync(OrchestratorDbContext db, long orderId, CancellationToken ct) =>
        [.. (await db.Packages.AsNoTracking().Where(p => p.OrderId == orderId).OrderBy(p => p.Sequence).ToListAsync(ct)).Select(PackageResponse.From)];

    public static OrderResponse From(SalesOrder o) => new(
        o.Id, o.ShopId, o.PlatformOrderId, o.PlatformStatus, o.Status, o.ExceptionKind, o.ExceptionDetail, o.HasUnmappedSku, o.BuyerNick,
        new ReceiverRequest(o.ReceiverName, o.ReceiverMobile, o.ReceiverProvince, o.ReceiverCity, o.ReceiverDistrict, o.ReceiverAddress, o.ReceiverZip),
        o.BuyerMessage, o.SellerMemo, o.PlatformCreatedAt, o.PayTime, o.PlatformModifiedAt, o.TotalFee, o.PostFee, o.DiscountFee, o.Payment, o.IsCod,
        o.WarehouseId, o.LogisticsCompanyId, o.BlockReason, o.TrackingNumber, o.WeightKg, o.ExpectedWeightKg, o.IsWeightOutOfTolerance, o.FreightFee, o.ShippedAt, o.AccountingPartner, o.Employee, o.PendingPlatformChange is not null, o.PendingPlatformChangeAt,
        o.ReceivedAt, o.UpdatedAt, o.Version, o.Lines.OrderBy(l => l.LineNo).Select(OrderLineResponse.From).ToList());
}
