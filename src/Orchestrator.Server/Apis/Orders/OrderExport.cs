using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;
using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.Orders;

/// <summary>
/// <c>GET /api/orders/export.csv</c>: the orders list's filter as a CSV file for Excel (UTF-8 with a BOM, Chinese headers,
/// RFC 4180). Rows stream out a keyset page at a time (newest first, as the list), so 100,000 orders never sit in memory.
/// A reviewer exports the orders of their shops only, a warehouse hand those of their warehouses: the list shows every
/// order to every reader, but a file of names, mobiles and addresses leaves the building.
/// </summary>
internal static class OrderExport
{
    /// <summary>Orders read per round trip; big enough that the seeks do not dominate, small enough to stay a few MB.</summary>
    private const int Batch = 1000;

    private static readonly string[] Headers =
        ["订单号", "平台订单号", "店铺", "状态", "异常类型", "买家", "收货人", "手机", "省", "市", "区", "地址", "商品", "金额", "运费", "付款时间 (UTC)", "快递公司", "快递单号", "买家留言", "卖家备注"];

    private static readonly Dictionary<OrderStatus, string> StatusNames = new()
    {
        [OrderStatus.AwaitingPayment] = "待付款",
        [OrderStatus.PendingReview] = "待审核",
        [OrderStatus.Blocked] = "审核拦截",
        [OrderStatus.Exception] = "异常",
        [OrderStatus.Allocated] = "已分仓",
        [OrderStatus.Picking] = "待拣货",
        [OrderStatus.Verified] = "已验货",
        [OrderStatus.Shipped] = "已发货",
        [OrderStatus.Cancelled] = "已取消",
    };

    private static readonly Dictionary<OrderExceptionKind, string> KindNames = new()
    {
        [OrderExceptionKind.None] = "",
        [OrderExceptionKind.UnmappedSku] = "商品未匹配",
        [OrderExceptionKind.OutOfStock] = "缺货",
        [OrderExceptionKind.NoWarehouse] = "无可用仓库",
        [OrderExceptionKind.RuleMatched] = "规则转异常",
        [OrderExceptionKind.RefundRequested] = "退款中",
        [OrderExceptionKind.AddressProblem] = "地址异常",
        [OrderExceptionKind.PlatformError] = "平台异常",
        [OrderExceptionKind.Other] = "其他",
    };

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
            if (!TryParseName<OrderStatus>(text, out var parsed))
            {
                return Problems.Invalid("status", $"'{text}' is not an order status: {string.Join(", ", Enum.GetNames<OrderStatus>())}.");
            }

            statuses.Add(parsed);
        }

        OrderExceptionKind? kind = null;
        if (!string.IsNullOrWhiteSpace(exceptionKind))
        {
            if (!TryParseName<OrderExceptionKind>(exceptionKind, out var parsed))
            {
                return Problems.Invalid("exceptionKind", $"'{exceptionKind}' is not an exception kind: {string.Join(", ", Enum.GetNames<OrderExceptionKind>())}.");
            }

            kind = parsed;
        }

        var query = db.SalesOrders.AsNoTracking().IgnoreAutoIncludes().Matching(db, q)
            .Filtered(shopId, [.. statuses], kind, platformOrderId, hasUnmappedSku, hasPendingPlatformChange).VisibleTo(http.User);

        var shopNames = await db.Shops.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var carriers = await db.LogisticsCompanies.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var fileName = $"orders-{clock.GetUtcNow():yyyyMMdd-HHmm}.csv";
        return Results.Stream(stream => WriteAsync(stream, query, shopNames, carriers, http.RequestAborted), "text/csv; charset=utf-8", fileName);
    }

    /// <summary>A value by its name only: Enum.TryParse also takes numbers and comma lists, which no client means.</summary>
    private static bool TryParseName<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        var name = text.Trim();
        return name.Length > 0 && char.IsAsciiLetter(name[0]) && Enum.TryParse(name, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    private static async Task WriteAsync(
        Stream stream, IQueryable<SalesOrder> query, Dictionary<long, string> shops, Dictionary<long, string> carriers, CancellationToken ct)
    {
        await stream.WriteAsync(Csv.ByteOrderMark.ToArray(), ct);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(Csv.Row(Headers));
        long? last = null;
        while (true)
        {
            var page = last is { } after ? query.Where(o => o.Id < after) : query;
            var rows = await page.OrderByDescending(o => o.Id).Take(Batch).Select(o => new
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
            }).ToListAsync(ct);
            foreach (var o in rows)
            {
                var goods = string.Join("; ", o.Lines.Select(l => $"{l.Title ?? l.MerchantCode} ({l.MerchantCode}) ×{l.Quantity}"));
                await writer.WriteAsync(Csv.Row(
                [
                    o.Id.ToString(CultureInfo.InvariantCulture), Csv.Text(o.PlatformOrderId), Csv.Text(shops.GetValueOrDefault(o.ShopId)),
                    StatusNames[o.Status], KindNames[o.ExceptionKind], Csv.Text(o.BuyerNick), Csv.Text(o.ReceiverName), Csv.Text(o.ReceiverMobile),
                    Csv.Text(o.ReceiverProvince), Csv.Text(o.ReceiverCity), Csv.Text(o.ReceiverDistrict), Csv.Text(o.ReceiverAddress), Csv.Text(goods),
                    o.Payment.ToString("0.00", CultureInfo.InvariantCulture), o.PostFee.ToString("0.00", CultureInfo.InvariantCulture),
                    o.PayTime?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    o.LogisticsCompanyId is { } carrier ? Csv.Text(carriers.GetValueOrDefault(carrier)) : "", Csv.Text(o.TrackingNumber),
                    Csv.Text(o.BuyerMessage), Csv.Text(o.SellerMemo),
                ]));
            }

            await writer.FlushAsync(ct);
            if (rows.Count < Batch)
            {
                break;
            }

            last = rows[^1].Id;
        }
    }
}
