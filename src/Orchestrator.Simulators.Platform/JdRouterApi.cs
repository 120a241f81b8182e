using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Simulators.Platform;

/// <summary>
/// JD's JOS router beside TOP's, over the same trades: <c>method</c> picks the API, business parameters come as JSON in
/// <c>360buy_param_json</c>, answers are wrapped in <c>{method}_responce</c> (JD's spelling), errors are <c>error_response</c>
/// with <c>code</c>, <c>zh_desc</c> and <c>en_desc</c>.
/// </summary>
public static class JdRouterApi
{
    private static readonly JsonSerializerOptions JdJson = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapJdRouter(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/routerjson", HandleAsync);
        return routes;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, SimulatorState state)
    {
        var form = await request.ReadFormAsync();
        var method = form["method"].ToString();
        var seller = form["access_token"].ToString();
        var fault = state.TakeFault(method);
        if (GarbageAnswers.For(fault, method.Replace('.', '_') + "_responce", WrongTypes) is { } garbage)
        {
            return garbage;
        }

        switch (fault)
        {
            case FaultKind.Http500:
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            case FaultKind.TopError:
                return Error("66", "平台连接后端服务不可用", "injected fault");
        }

        JsonObject business;
        try
        {
            business = JsonNode.Parse(form["360buy_param_json"].ToString() is { Length: > 0 } json ? json : "{}")!.AsObject();
        }
        catch (JsonException)
        {
            return Error("61", "参数格式错误", "360buy_param_json is not JSON");
        }

        return method switch
        {
            "jingdong.pop.order.search" => OrderSearch(business, seller, state),
            "jingdong.pop.order.shipment" => await OrderShipmentAsync(business, state),
            "jingdong.pop.order.get" => OrderGet(business, state),
            "jingdong.stock.write.updateSkuStock" => UpdateSkuStock(business, seller, state),
            _ => Error("62", "无效的方法", $"unknown method '{method}'"),
        };
    }

    /// <summary>Every member the adapter reads, of another type: one shape serves all three methods.</summary>
    private static JsonObject WrongTypes => new()
    {
        ["searchorderinfo_result"] = new JsonObject { ["orderInfoList"] = "none", ["orderTotal"] = "many" },
        ["sopjosshipment_result"] = new JsonObject { ["success"] = "yes" },
        ["orderDetailInfo"] = new JsonObject { ["orderInfo"] = "none" },
        ["success"] = "yes",
    };

    private static IResult OrderSearch(JsonObject p, string seller, SimulatorState state)
    {
        if (Text(p, "start_date") is not { } start || Text(p, "end_date") is not { } end)
        {
            return Error("63", "缺少参数", "start_date and end_date are required");
        }

        state.RecordPull(new SimPullCall("jd", seller, start, end, DateTimeOffset.UtcNow));
        var page = Number(p, "page") is > 0 and var n ? n : 1;
        var pageSize = Number(p, "page_size") is > 0 and <= 100 and var s ? s : 20;
        var wanted = Text(p, "order_state")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var (all, _, _) = state.TradesModified(seller, SimulatorState.Parse(start), SimulatorState.Parse(end), null, 1, int.MaxValue);
        var matching = all.Where(t => wanted is null || wanted.Contains(JdState(t.Status))).ToList();
        return Results.Json(new
        {
            jingdong_pop_order_search_responce = new
            {
                code = "0",
                searchorderinfo_result = new
                {
                    apiResult = new { success = true, resultCode = "0" },
                    orderTotal = matching.Count,
                    orderInfoList = matching.Skip((page - 1) * pageSize).Take(pageSize).Select(ToJdOrder).ToList(),
                },
            },
        }, JdJson);
    }

    private static async Task<IResult> OrderShipmentAsync(JsonObject p, SimulatorState state)
    {
        if (!long.TryParse(Text(p, "orderId"), CultureInfo.InvariantCulture, out var orderId) || Text(p, "logiNo") is not { Length: > 0 } logiNo
            || Text(p, "logiCoprId") is not { Length: > 0 } company)
        {
            return Error("63", "缺少参数", "orderId, logiCoprId and logiNo are required");
        }

        var outcome = state.Ship(orderId, logiNo, company);
        if (state.ShipDelay > TimeSpan.Zero)
        {
            await Task.Delay(state.ShipDelay);
        }

        return Results.Json(new
        {
            jingdong_pop_order_shipment_responce = new
            {
                code = "0",
                sopjosshipment_result = outcome switch
                {
                    ShipOutcome.Shipped => new { success = true, errorCode = (string?)null, chineseErrCode = (string?)null },
                    ShipOutcome.AlreadyShipped => new { success = false, errorCode = (string?)"10400001", chineseErrCode = (string?)$"订单{orderId}已出库,不能重复出库" },
                    _ => new { success = false, errorCode = (string?)"10400002", chineseErrCode = (string?)$"订单{orderId}不存在" },
                },
            },
        }, JdJson);
    }

    /// <summary>jingdong.pop.order.get: the order's state and, once shipped, its carrier and tracking number (waybill).</summary>
    private static IResult OrderGet(JsonObject p, SimulatorState state)
    {
        if (!long.TryParse(Text(p, "order_id"), CultureInfo.InvariantCulture, out var orderId))
        {
            return Error("63", "缺少参数", "order_id is required");
        }

        if (state.Trade(orderId) is not { } trade)
        {
            return Error("10400002", "订单不存在", $"order {orderId} does not exist");
        }

        var shipped = trade.Orders.Order.FirstOrDefault(o => o.IsConsigned);
        return Results.Json(new
        {
            jingdong_pop_order_get_responce = new
            {
                code = "0",
                orderDetailInfo = new
                {
                    orderInfo = new
                    {
                        orderId = trade.Tid.ToString(CultureInfo.InvariantCulture),
                        orderState = JdState(trade.Status),
                        waybill = shipped?.InvoiceNo,
                        logisticsId = shipped?.LogisticsCompany,
                    },
                },
            },
        }, JdJson);
    }

    private static IResult UpdateSkuStock(JsonObject p, string seller, SimulatorState state)
    {
        var outerId = Text(p, "outerId");
        var skuId = Text(p, "skuId");
        if ((outerId is null && skuId is null) || Number(p, "stockNum") is not { } quantity || quantity < 0)
        {
            return Error("63", "缺少参数", "skuId or outerId, and stockNum >= 0, are required");
        }

        state.UpdateStock(new SimStockUpdate(null, outerId, skuId, quantity, 1, DateTimeOffset.UtcNow, "jd", seller));
        return Results.Json(new { jingdong_stock_write_updateSkuStock_responce = new { code = "0", success = true } }, JdJson);
    }

    /// <summary>The trade in JD's order shape; TOP states are told in JD's words.</summary>
    private static object ToJdOrder(SimTrade t) => new
    {
        orderId = t.Tid.ToString(CultureInfo.InvariantCulture),
        venderId = t.SellerNick,
        orderState = JdState(t.Status),
        pin = t.BuyerNick,
        payType = t.Type == "cod" ? "1-货到付款" : "4-在线支付",
        orderTotalPrice = t.TotalFee.ToString("0.00", CultureInfo.InvariantCulture),
        orderPayment = t.Payment.ToString("0.00", CultureInfo.InvariantCulture),
        freightPrice = t.PostFee.ToString("0.00", CultureInfo.InvariantCulture),
        sellerDiscount = t.DiscountFee.ToString("0.00", CultureInfo.InvariantCulture),
        orderStartTime = t.Created,
        paymentConfirmTime = t.PayTime,
        modified = t.Modified,
        orderRemark = t.BuyerMessage,
        venderRemark = t.SellerMemo,
        consigneeInfo = new
        {
            fullname = t.ReceiverName,
            mobile = t.ReceiverMobile,
            telephone = t.ReceiverMobile,
            province = t.ReceiverState,
            city = t.ReceiverCity,
            county = t.ReceiverDistrict,
            fullAddress = t.ReceiverAddress,
        },
        itemInfoList = t.Orders.Order.Select(o => new
        {
            skuId = o.SkuId ?? o.NumIid.ToString(CultureInfo.InvariantCulture),
            outerSkuId = string.IsNullOrEmpty(o.OuterSkuId) ? o.OuterIid : o.OuterSkuId,
            skuName = o.Title,
            itemTotal = o.Num.ToString(CultureInfo.InvariantCulture),
            jdPrice = o.Price.ToString("0.00", CultureInfo.InvariantCulture),
        }).ToList(),
    };

    public static string JdState(string status) => status switch
    {
        "WAIT_SELLER_SEND_GOODS" or "SELLER_CONSIGNED_PART" => "WAIT_SELLER_STOCK_OUT",
        "WAIT_BUYER_CONFIRM_GOODS" => "WAIT_GOODS_RECEIVE_CONFIRM",
        "TRADE_FINISHED" or "TRADE_BUYER_SIGNED" => "FINISHED_L",
        "TRADE_CLOSED" or "TRADE_CLOSED_BY_TAOBAO" => "TRADE_CANCELED",
        _ => status,
    };

    private static string? Text(JsonObject p, string name) => p[name] is JsonValue v ? v.ToString() : null;

    private static int? Number(JsonObject p, string name) =>
        p[name] is JsonValue v && int.TryParse(v.ToString(), CultureInfo.InvariantCulture, out var n) ? n : null;

    private static IResult Error(string code, string zh, string en) =>
        Results.Json(new { error_response = new { code, zh_desc = zh, en_desc = en } }, JdJson);
}
