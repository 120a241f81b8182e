using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Domain.Orders;
using Orchestrator.Integrations.Platforms.Top;
using Polly;

namespace Orchestrator.Integrations.Platforms.Jd;

/// <summary>
/// JD's open platform (JOS) POP APIs over its router: form-encoded calls whose business parameters travel as JSON in
/// <c>360buy_param_json</c>, signed with MD5 over the secret-wrapped sorted parameters; answers come wrapped in
/// <c>{method}_responce</c> (JD's spelling), errors as <c>error_response</c>.
/// </summary>
public sealed class JdPlatformAdapter(HttpClient http, PlatformConnection connection, TimeProvider clock) : IPlatformAdapter
{
    public const string HttpClientName = "jd";

    public const string PlatformCode = "jd";

    private const int PageSize = 100;

    /// <summary>Every state a seller cares about; JD's search needs them named.</summary>
    private const string States = "WAIT_SELLER_STOCK_OUT,WAIT_GOODS_RECEIVE_CONFIRM,FINISHED_L,TRADE_CANCELED,LOCKED";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
    };

    public async Task<IReadOnlyList<PlatformOrder>> PullOrdersAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        const string method = "jingdong.pop.order.search";
        var orders = new List<PlatformOrder>();
        for (var page = 1; ; page++)
        {
            using var answer = await CallAsync(method, new JsonObject
            {
                ["start_date"] = TopTradeMapping.FormatTime(since),
                ["end_date"] = TopTradeMapping.FormatTime(until),
                ["order_state"] = States,
                ["dateType"] = 0,
                ["page"] = page,
                ["page_size"] = PageSize,
            }, cancellationToken);
            var (count, total) = PlatformRouter.Read(method, answer, root =>
            {
                var result = root.GetProperty("jingdong_pop_order_search_responce").GetProperty("searchorderinfo_result");
                var list = result.TryGetProperty("orderInfoList", out var items) ? items.Deserialize<List<JdOrder>>(Json)! : [];
                orders.AddRange(list.Select(o => o.ToPlatformOrder()));
                return (list.Count, result.TryGetProperty("orderTotal", out var t) ? t.GetInt32() : 0);
            });
            if (count == 0 || page * PageSize >= total)
            {
                return orders;
            }
        }
    }

    public async Task ConfirmShipmentAsync(ShipmentNotice notice, CancellationToken cancellationToken)
    {
        const string method = "jingdong.pop.order.shipment";
        using var answer = await CallAsync(method, new JsonObject
        {
            ["orderId"] = notice.PlatformOrderId,
            ["logiCoprId"] = notice.LogisticsCode ?? "OTHER",
            ["logiNo"] = notice.TrackingNumber,
        }, cancellationToken);
        var (success, reason) = PlatformRouter.Read(method, answer, root =>
        {
            var result = root.GetProperty("jingdong_pop_order_shipment_responce").GetProperty("sopjosshipment_result");
            return (result.GetProperty("success").GetBoolean(), result.TryGetProperty("chineseErrCode", out var why) ? why.GetString() : null);
        });
        if (!success)
        {
            throw new PlatformCallException($"JD did not confirm the shipment of {notice.PlatformOrderId} ({notice.TrackingNumber}): {reason}");
        }
    }

    /// <summary>JD ships an order whole: <paramref name="splitLineIds"/> plays no part.</summary>
    public async Task<PlatformShipmentState> ShipmentStateAsync(string platformOrderId, IReadOnlyList<string>? splitLineIds, CancellationToken cancellationToken)
    {
        const string method = "jingdong.pop.order.get";
        using var answer = await CallAsync(method, new JsonObject
        {
            ["order_id"] = platformOrderId,
            ["optional_fields"] = "orderId,orderState,waybill,logisticsId",
        }, cancellationToken);
        return PlatformRouter.Read(method, answer, root =>
        {
            var order = root.GetProperty("jingdong_pop_order_get_responce").GetProperty("orderDetailInfo").GetProperty("orderInfo");
            var state = order.GetProperty("orderState").GetString();
            if (!PlatformTradeStatus.TryClassify(state, out var classified) || classified != PlatformTradeState.Shipped)
            {
                return PlatformShipmentState.NotShipped;
            }

            // JD lists several parcels' numbers in one field, comma-separated.
            var waybill = order.TryGetProperty("waybill", out var w) && w.ValueKind == JsonValueKind.String ? w.GetString() ?? "" : "";
            return new PlatformShipmentState(true, waybill.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        });
    }

    public async Task UpdateStockAsync(string merchantCode, int quantity, CancellationToken cancellationToken)
    {
        const string method = "jingdong.stock.write.updateSkuStock";
        using var answer = await CallAsync(method, new JsonObject
        {
            ["outerId"] = merchantCode,
            ["stockNum"] = quantity,
        }, cancellationToken);
        if (!PlatformRouter.Read(method, answer, root => root.GetProperty("jingdong_stock_write_updateSkuStock_responce").GetProperty("success").GetBoolean()))
        {
            throw new PlatformCallException($"JD did not take stock {quantity} for {merchantCode}.");
        }
    }

    private async Task<JsonDocument> CallAsync(string method, JsonObject business, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["method"] = method,
            ["app_key"] = connection.AppKey ?? "",
            ["access_token"] = connection.Session ?? "",
            ["timestamp"] = TopTradeMapping.FormatTime(clock.GetUtcNow()),
            ["format"] = "json",
            ["v"] = "2.0",
            ["360buy_param_json"] = business.ToJsonString(),
        };
        parameters["sign"] = Sign(parameters, connection.AppSecret ?? "");

        var url = new Uri(new Uri(connection.BaseUrl!.TrimEnd('/') + "/"), "routerjson");
        return await PlatformRouter.PostFormAsync(http, url, method, parameters, root => JdError.From(root), cancellationToken);
    }

    /// <summary>JOS' signature: MD5 of secret + parameters sorted by name as name+value + secret, upper hex.</summary>
    internal static string Sign(IReadOnlyDictionary<string, string> parameters, string secret)
    {
        var text = secret + string.Concat(parameters.Where(p => p.Key != "sign").OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + p.Value)) + secret;
#pragma warning disable CA5351 // JOS prescribes MD5 for request signatures.
        return Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
    }
}
