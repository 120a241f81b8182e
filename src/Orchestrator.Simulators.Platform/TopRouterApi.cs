using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace Orchestrator.Simulators.Platform;

/// <summary>The TOP router: one endpoint, the <c>method</c> parameter picks the API; errors are <c>error_response</c> with HTTP 200.</summary>
public static class TopRouterApi
{
    /// <summary>The sub code the simulator refuses a send for a consigned trade with.</summary>
    public const string AlreadyConsigned = "isv.logistics-offline-service-error:ALREADY_CONSIGNED";

    public static IEndpointRouteBuilder MapTopRouter(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/router/rest", ["GET", "POST"], HandleAsync);
        return routes;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, SimulatorState state, PageShifts shifts)
    {
        var parameters = request.HasFormContentType ? (IEnumerable<KeyValuePair<string, StringValues>>)await request.ReadFormAsync() : request.Query;
        var p = parameters.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
        var method = p.GetValueOrDefault("method") ?? "";
        var fault = state.TakeFault(method);
        if (GarbageAnswers.For(fault, ResponseKey(method), WrongTypes) is { } garbage)
        {
            return garbage;
        }

        switch (fault)
        {
            case FaultKind.Http500:
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            case FaultKind.TopError:
                return Error(15, "Remote service error", "isp.remote-service-timeout", "injected fault");
        }

        return method switch
        {
            "taobao.trades.sold.increment.get" => TradesSoldIncrementGet(p, state, shifts),
            "taobao.logistics.offline.send" => await LogisticsOfflineSendAsync(p, state),
            "taobao.trade.get" => TradeGet(p, state),
            "taobao.item.quantity.update" => ItemQuantityUpdate(p, state),
            _ => Error(22, "Invalid method", null, $"unknown method '{method}'"),
        };
    }

    private static IResult TradesSoldIncrementGet(Dictionary<string, string> p, SimulatorState state, PageShifts shifts)
    {
        if (p.GetValueOrDefault("start_modified") is not { } start || p.GetValueOrDefault("end_modified") is not { } end)
        {
            return Error(40, "Missing required arguments", "isv.missing-parameter", "start_modified and end_modified are required");
        }

        state.RecordPull(new SimPullCall("top", p.GetValueOrDefault("session"), start, end, DateTimeOffset.UtcNow));
        var pageNo = int.TryParse(p.GetValueOrDefault("page_no"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        var pageSize = int.TryParse(p.GetValueOrDefault("page_size"), CultureInfo.InvariantCulture, out var s) && s is > 0 and <= 100 ? s : 40;
        var seller = p.GetValueOrDefault("session");
        var (page, total, hasNext) = shifts.Serve(seller, pageNo, n => state.TradesModified(
            seller, SimulatorState.Parse(start), SimulatorState.Parse(end), p.GetValueOrDefault("status"), n, pageSize));
        return Results.Json(new
        {
            trades_sold_increment_get_response = new { total_results = total, has_next = hasNext, trades = new { trade = page } },
        }, PlatformSimulator.TopJson);
    }

    private static async Task<IResult> LogisticsOfflineSendAsync(Dictionary<string, string> p, SimulatorState state)
    {
        if (!long.TryParse(p.GetValueOrDefault("tid"), CultureInfo.InvariantCulture, out var tid)
            || p.GetValueOrDefault("out_sid") is not { Length: > 0 } outSid
            || p.GetValueOrDefault("company_code") is not { Length: > 0 } company)
        {
            return Error(40, "Missing required arguments", "isv.missing-parameter", "tid, out_sid and company_code are required");
        }

        var subTid = p.GetValueOrDefault("is_split") == "1" ? p.GetValueOrDefault("sub_tid") : null;
        var outcome = state.Ship(tid, outSid, company, subTid);

        // Recorded first, answered late: a caller that dies meanwhile has shipped without knowing it.
        if (state.ShipDelay > TimeSpan.Zero)
        {
            await Task.Delay(state.ShipDelay);
        }

        return outcome switch
        {
            ShipOutcome.Shipped => Results.Json(new { logistics_offline_send_response = new { shipping = new { is_success = true } } }, PlatformSimulator.TopJson),
            ShipOutcome.AlreadyShipped => Error(15, "Remote service error", AlreadyConsigned, $"trade {tid} is consigned already (发货失败: 订单已发货)"),
            ShipOutcome.UnknownLine => Error(15, "Remote service error", "isv.invalid-parameter:sub_tid", $"sub_tid {subTid} names a line that is not in trade {tid}"),
            _ => Error(15, "Remote service error", "isv.trade-not-exist", $"trade {tid} does not exist"),
        };
    }

    /// <summary>taobao.trade.get: the trade's status and, per line, its status, tracking number (invoice_no) and carrier.</summary>
    private static IResult TradeGet(Dictionary<string, string> p, SimulatorState state)
    {
        if (!long.TryParse(p.GetValueOrDefault("tid"), CultureInfo.InvariantCulture, out var tid))
        {
            return Error(40, "Missing required arguments", "isv.missing-parameter", "tid is required");
        }

        if (state.Trade(tid) is not { } trade)
        {
            return Error(15, "Remote service error", "isv.trade-not-exist", $"trade {tid} does not exist");
        }

        return Results.Json(new
        {
            trade_get_response = new
            {
                trade = new
                {
                    tid = trade.Tid,
                    status = trade.Status,
                    consign_time = trade.ConsignTime,
                    modified = trade.Modified,
                    orders = new
                    {
                        order = trade.Orders.Order.Select(o => new
                        {
                            oid = o.Oid,
                            status = o.Status ?? trade.Status,
                            invoice_no = o.InvoiceNo,
                            logistics_company = o.LogisticsCompany,
                            consign_time = o.ConsignTime,
                        }),
                    },
                },
            },
        }, PlatformSimulator.TopJson);
    }

    private static IResult ItemQuantityUpdate(Dictionary<string, string> p, SimulatorState state)
    {
        long? numIid = long.TryParse(p.GetValueOrDefault("num_iid"), CultureInfo.InvariantCulture, out var id) ? id : null;
        var outerId = p.GetValueOrDefault("outer_id");
        if ((numIid is null && string.IsNullOrEmpty(outerId)) || !int.TryParse(p.GetValueOrDefault("quantity"), CultureInfo.InvariantCulture, out var quantity))
        {
            return Error(40, "Missing required arguments", "isv.missing-parameter", "num_iid or outer_id, and quantity, are required");
        }

        var type = int.TryParse(p.GetValueOrDefault("type"), CultureInfo.InvariantCulture, out var t) ? t : 1;
        state.UpdateStock(new SimStockUpdate(numIid, outerId, p.GetValueOrDefault("sku_id"), quantity, type, DateTimeOffset.UtcNow, "top", p.GetValueOrDefault("session")));
        return Results.Json(new { item_quantity_update_response = new { item = new { num_iid = numIid, outer_id = outerId, num = quantity, modified = state.Now() } } },
            PlatformSimulator.TopJson);
    }

    /// <summary>Every member the adapter reads, of another type: one shape serves all three methods.</summary>
    private static JsonObject WrongTypes => new()
    {
        ["total_results"] = "many",
        ["has_next"] = "perhaps",
        ["trades"] = new JsonObject { ["trade"] = "none" },
        ["shipping"] = new JsonObject { ["is_success"] = "yes" },
        ["trade"] = new JsonObject { ["status"] = 7, ["orders"] = "none" },
        ["item"] = "updated",
    };

    /// <summary>taobao.trades.sold.increment.get answers in trades_sold_increment_get_response.</summary>
    private static string ResponseKey(string method) =>
        (method.StartsWith("taobao.", StringComparison.Ordinal) ? method["taobao.".Length..] : method).Replace('.', '_') + "_response";

    private static IResult Error(int code, string msg, string? subCode, string? subMsg) =>
        Results.Json(new { error_response = new { code, msg, sub_code = subCode, sub_msg = subMsg } }, PlatformSimulator.TopJson);
}
