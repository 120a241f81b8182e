using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Orchestrator.Domain.Orders;
using Polly;

namespace Orchestrator.Integrations.Platforms.Top;

/// <summary>The Taobao Open Platform (TOP) over its router: form-encoded calls signed with HMAC-SHA256, JSON answers.</summary>
public sealed class TopPlatformAdapter(HttpClient http, PlatformConnection connection, TimeProvider clock) : IPlatformAdapter
{
    public const string HttpClientName = "top";

    private const int PageSize = 100;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
    };

    public async Task<IReadOnlyList<PlatformOrder>> PullOrdersAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        const string method = "taobao.trades.sold.increment.get";
        var orders = new List<PlatformOrder>();
        for (var page = 1; ; page++)
        {
            using var answer = await CallAsync(method, new Dictionary<string, string>
            {
                ["fields"] = "tid,status,type,created,pay_time,modified,payment,total_fee,post_fee,discount_fee,buyer_nick,buyer_message,seller_memo,receiver_name,receiver_mobile,receiver_state,receiver_city,receiver_district,receiver_address,receiver_zip,orders",
                ["start_modified"] = TopTradeMapping.FormatTime(since),
                ["end_modified"] = TopTradeMapping.FormatTime(until),
                ["page_no"] = page.ToString(CultureInfo.InvariantCulture),
                ["page_size"] = PageSize.ToString(CultureInfo.InvariantCulture),
                ["use_has_next"] = "true",
            }, cancellationToken);
            var hasNext = PlatformRouter.Read(method, answer, root =>
            {
                var body = root.GetProperty("trades_sold_increment_get_response");
                if (body.TryGetProperty("trades", out var trades) && trades.TryGetProperty("trade", out var list))
                {
                    orders.AddRange(list.Deserialize<List<TopTrade>>(Json)!.Select(t => t.ToPlatformOrder()));
                }

                return body.TryGetProperty("has_next", out var next) && next.GetBoolean();
            });
            if (!hasNext)
            {
                return orders;
            }
        }
    }

    public async Task ConfirmShipmentAsync(ShipmentNotice notice, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string>
        {
            ["tid"] = notice.PlatformOrderId,
            ["out_sid"] = notice.TrackingNumber,
            ["company_code"] = notice.LogisticsCode ?? "OTHER",
        };
        if (notice.SplitLineIds is { Count: > 0 } lines)
        {
            parameters["sub_tid"] = string.Join(',', lines);
            parameters["is_split"] = "1";
        }

        const string method = "taobao.logistics.offline.send";
        using var answer = await CallAsync(method, parameters, cancellationToken);
        var success = PlatformRouter.Read(method, answer, root => root.GetProperty("logistics_offline_send_response").GetProperty("shipping").GetProperty("is_success").GetBoolean());
        if (!success)
        {
            throw new PlatformCallException($"TOP did not confirm the shipment of {notice.PlatformOrderId} ({notice.TrackingNumber}).");
        }
    }

    public async Task<PlatformShipmentState> ShipmentStateAsync(string platformOrderId, IReadOnlyList<string>? splitLineIds, CancellationToken cancellationToken)
    {
        const string method = "taobao.trade.get";
        using var answer = await CallAsync(method, new Dictionary<string, string>
        {
            ["tid"] = platformOrderId,
            ["fields"] = "tid,status,consign_time,orders.oid,orders.status,orders.invoice_no,orders.logistics_company,orders.consign_time",
        }, cancellationToken);
        return PlatformRouter.Read(method, answer, root =>
        {
            var trade = root.GetProperty("trade_get_response").GetProperty("trade");
            var lines = trade.TryGetProperty("orders", out var orders) && orders.TryGetProperty("order", out var list)
                ? list.EnumerateArray().Select(o => (
                    Oid: o.GetProperty("oid").ToString(),
                    Status: o.TryGetProperty("status", out var s) ? s.GetString() : null,
                    InvoiceNo: o.TryGetProperty("invoice_no", out var n) ? n.GetString() : null)).ToList()
                : [];
            var wanted = splitLineIds is { Count: > 0 } ids ? lines.Where(l => ids.Contains(l.Oid, StringComparer.Ordinal)).ToList() : lines;
            var shipped = splitLineIds is { Count: > 0 }
                ? wanted.Count > 0 && wanted.All(l => IsShipped(l.Status))
                : IsShipped(trade.GetProperty("status").GetString());
            return shipped
                ? new PlatformShipmentState(true, wanted.Select(l => l.InvoiceNo).OfType<string>().Where(n => n.Length > 0).Distinct().ToList())
                : PlatformShipmentState.NotShipped;
        });
    }

    public async Task UpdateStockAsync(string merchantCode, int quantity, CancellationToken cancellationToken)
    {
        const string method = "taobao.item.quantity.update";
        using var answer = await CallAsync(method, new Dictionary<string, string>
        {
            ["outer_id"] = merchantCode,
            ["quantity"] = quantity.ToString(CultureInfo.InvariantCulture),
            ["type"] = "1",
        }, cancellationToken);

        // The updated item is the acknowledgement: an answer without it did not say the quantity was taken.
        PlatformRouter.Read(method, answer, root => root.GetProperty("item_quantity_update_response").GetProperty("item").EnumerateObject().Any()
            ? true
            : throw new InvalidOperationException("the updated item is empty"));
    }

    private static bool IsShipped(string? status) => PlatformTradeStatus.TryClassify(status, out var state) && state == PlatformTradeState.Shipped;

    private async Task<JsonDocument> CallAsync(string method, Dictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        parameters["method"] = method;
        parameters["app_key"] = connection.AppKey ?? "";
        parameters["session"] = connection.Session ?? "";
        parameters["timestamp"] = TopTradeMapping.FormatTime(clock.GetUtcNow());
        parameters["format"] = "json";
        parameters["v"] = "2.0";
        parameters["sign_method"] = "hmac-sha256";
        parameters["sign"] = Sign(parameters, connection.AppSecret ?? "");

        var url = new Uri(new Uri(connection.BaseUrl!.TrimEnd('/') + "/"), "router/rest");
        return await PlatformRouter.PostFormAsync(http, url, method, parameters, root => TopError.From(root), cancellationToken);
    }

    /// <summary>TOP's signature: parameters sorted by name, concatenated as name+value, HMAC-SHA256 with the app secret, upper hex.</summary>
    internal static string Sign(IReadOnlyDictionary<string, string> parameters, string secret)
    {
        var text = string.Concat(parameters.Where(p => p.Key != "sign").OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + p.Value));
        return Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(text)));
    }
}
