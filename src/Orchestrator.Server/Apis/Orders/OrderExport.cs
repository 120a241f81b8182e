using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;
using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.Orders;

/// <summary>
/// <c>GET /api/orders/export.csv</c>: the orders list's filter as a CSV file (<see cref="CsvExport"/>), newest first as the
/// list. A reviewer exports the orders of their shops only, a warehouse hand those of their warehouses, as the list shows.
/// </summary>
internal static class OrderExport
{
    private static readonly string[] Headers =
        ["订单号", "平台订单号", "店铺", "状态", "异常类型", "买家", "收货人", "手机", "省", "市", "区", "地址", "商品", "金额", "运费", "付款时间 (UTC)", "快递公司", "快递单号", "买家留言", "卖家备注"];

    public static async Task<IResult> ExportAsync(
        HttpContext http, OrchestratorDbContext db, TimeProvider clock, long? shopId, string[]? status, string? exceptionKind, string? platformOrderId,
        string? q, bool? hasUnmappedSku, bool? hasPendingPlatformChange, CancellationToken ct)
    {
        if (OrderSearch.Problem(q) is { } problem)
        {
            return problem;
        }

        var statuses = new List<OrderStatus>();
        foreach (var text in (status ?? []).Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            if (!EnumNames.TryParse<OrderStatus>(text, out var parsed))
            {
                return Problems.Invalid("status", $"'{text}' is not an order status: {string.Join(", ", Enum.GetNames<OrderStatus>())}.");
            }

            statuses.Add(parsed);
        }

        OrderExceptionKind? kind = null;
        if (!string.IsNullOrWhiteSpace(exceptionKind))
        {
            if (!EnumNames.TryParse<OrderExceptionKind>(exceptionKind, out var parsed))
            {
                return Problems.Invalid("exceptionKind", $"'{exceptionKind}' is not an exception kind: {string.Join(", ", Enum.GetNames<OrderExceptionKind>())}.");
            }

            kind = parsed;
        }

        var query = db.SalesOrders.AsNoTracking().IgnoreAutoIncludes().Matching(db, q)
            .Filtered(shopId, [.. statuses], kind, platformOrderId, hasUnmappedSku, hasPendingPlatformChange).VisibleTo(http.User);

        var shops = await db.Shops.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var carriers = await db.LogisticsCompanies.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return CsvExport.Stream("orders", clock.GetUtcNow(), Headers, query, OrdersApi.NewestFirst, o => new
        {
            o.Id,
            o.PlatformOrderId,
            o.ShopId,
            o.Status,
            o.ExceptionKind,
            o.BuyerNick,
            o.ReceiverName,
            o.ReceiverMobile,
            o.ReceiverProvince,
            o.ReceiverCity,
            o.ReceiverDistrict,
            o.ReceiverAddress,
            o.Payment,
            o.PostFee,
            o.PayTime,
            o.LogisticsCompanyId,
            o.TrackingNumber,
            o.BuyerMessage,
            o.SellerMemo,
            Lines = o.Lines.OrderBy(l => l.LineNo).Select(l => new { l.MerchantCode, l.Title, l.Quantity }).ToList(),
        }, o => [
            Csv.Number(o.Id), Csv.Text(o.PlatformOrderId), Csv.Text(shops.GetValueOrDefault(o.ShopId)), ExportTerms.Of(o.Status), ExportTerms.Of(o.ExceptionKind),
            Csv.Text(o.BuyerNick), Csv.Text(o.ReceiverName), Csv.Text(o.ReceiverMobile), Csv.Text(o.ReceiverProvince), Csv.Text(o.ReceiverCity),
            Csv.Text(o.ReceiverDistrict), Csv.Text(o.ReceiverAddress),
            Csv.Text(string.Join("; ", o.Lines.Select(l => $"{l.Title ?? l.MerchantCode} ({l.MerchantCode}) ×{l.Quantity}"))),
            Csv.Money(o.Payment), Csv.Money(o.PostFee), Csv.Time(o.PayTime),
            o.LogisticsCompanyId is { } carrier ? Csv.Text(carriers.GetValueOrDefault(carrier)) : "", Csv.Text(o.TrackingNumber),
            Csv.Text(o.BuyerMessage), Csv.Text(o.SellerMemo),
        ], ct);
    }
}
