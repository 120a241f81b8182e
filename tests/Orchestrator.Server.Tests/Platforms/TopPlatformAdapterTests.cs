using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Integrations.Platforms;
using Orchestrator.Integrations.Platforms.Top;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Platforms;

/// <summary>The TOP adapter against the simulator, without a server: paging, field mapping, idempotent ship confirm, stock.</summary>
public sealed class TopPlatformAdapterTests : IAsyncLifetime
{
    private readonly PlatformSimulatorHost _simulator = new();
    private readonly HttpClient _http = new();

    public Task InitializeAsync() => _simulator.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task A_second_offline_send_for_a_consigned_trade_is_refused_and_trade_get_reports_it_shipped_with_its_number()
    {
        var adapter = Adapter("seller-ship");
        var tid = await _simulator.AddTradeAsync("seller-ship", "TEA-1");
        var notice = new ShipmentNotice(tid.ToString(CultureInfo.InvariantCulture), "SF", "SF1001", "key-1");
        Assert.False((await adapter.ShipmentStateAsync(notice.PlatformOrderId, null, CancellationToken.None)).IsShipped);

        await adapter.ConfirmShipmentAsync(notice, CancellationToken.None);
        var again = await Assert.ThrowsAsync<PlatformCallException>(() => adapter.ConfirmShipmentAsync(notice with { IdempotencyKey = "key-2" }, CancellationToken.None));
        await Assert.ThrowsAsync<PlatformCallException>(() => adapter.ConfirmShipmentAsync(notice with { TrackingNumber = "SF2002" }, CancellationToken.None));

        Assert.Contains("consigned", again.Message, StringComparison.Ordinal);
        var shipment = Assert.Single(await _simulator.ShipmentsAsync(tid))!;
        Assert.Equal(("SF1001", "SF"), (shipment["out_sid"]!.GetValue<string>(), shipment["company_code"]!.GetValue<string>()));
        Assert.Equal(3, await _simulator.SendsAsync(tid));
        var state = await adapter.ShipmentStateAsync(notice.PlatformOrderId, null, CancellationToken.None);
        Assert.True(state.IsShipped);
        Assert.Equal(["SF1001"], state.TrackingNumbers);
    }

    [Fact]
    public async Task Pulled_trades_carry_TOP_fields_onto_intake_orders_across_pages()
    {
        var response = await _simulator.Admin.PostAsJsonAsync("/admin/trades", new JsonObject
        {
            ["trades"] = new JsonArray(new JsonObject
            {
                ["tid"] = 3_141_592_653_589,
                ["seller_nick"] = "seller-map",
                ["status"] = "WAIT_SELLER_SEND_GOODS",
                ["type"] = "cod",
                ["pay_time"] = "2026-11-11 00:01:02",
                ["payment"] = "180.00",
                ["total_fee"] = "200.00",
                ["discount_fee"] = "20.00",
                ["buyer_nick"] = "茶友小李",
                ["buyer_message"] = "周末送货",
                ["receiver_name"] = "李雷",
                ["receiver_mobile"] = "13800000000",
                ["receiver_state"] = "广东省",
                ["receiver_city"] = "深圳市",
                ["receiver_district"] = "南山区",
                ["receiver_address"] = "科技园1号",
                ["orders"] = new JsonObject
                {
                    ["order"] = new JsonArray(
                        new JsonObject { ["oid"] = 11, ["sku_id"] = "501", ["outer_sku_id"] = "TEA-RED", ["title"] = "红茶", ["num"] = 2, ["price"] = "90.00" },
                        new JsonObject { ["oid"] = 12, ["outer_iid"] = "CUP", ["title"] = "茶杯", ["num"] = 1, ["price"] = "20.00" }),
                },
            }),
            ["generate"] = 0,
        });
        response.EnsureSuccessStatusCode();
        await _simulator.Admin.PostAsJsonAsync("/admin/trades", new JsonObject
        {
            ["trades"] = new JsonArray(Enumerable.Range(0, 149).Select(_ => (JsonNode)new JsonObject { ["seller_nick"] = "seller-map" }).ToArray()),
        });

        var orders = await Adapter("seller-map").PullOrdersAsync(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(150, orders.Count);
        Assert.Equal(150, orders.Select(o => o.PlatformOrderId).Distinct().Count());
        var order = orders.Single(o => o.PlatformOrderId == "3141592653589");
        Assert.Equal(("WAIT_SELLER_SEND_GOODS", "茶友小李", "周末送货", true), (order.Status, order.BuyerNick, order.BuyerMessage, order.IsCod));
        Assert.Equal(("李雷", "13800000000", "广东省", "深圳市", "南山区", "科技园1号"),
            (order.ReceiverName, order.ReceiverMobile, order.ReceiverProvince, order.ReceiverCity, order.ReceiverDistrict, order.ReceiverAddress));
        Assert.Equal((180m, 200m, 20m), (order.Payment, order.TotalFee, order.DiscountFee));
        Assert.Equal(new DateTime(2026, 11, 10, 16, 1, 2, DateTimeKind.Utc), order.PayTime);
        Assert.Equal([("11", "501", "TEA-RED", 2, 90m), ("12", null, "CUP", 1, 20m)],
            order.Lines.Select(l => (l.PlatformLineId, l.PlatformSkuId, l.MerchantCode, l.Quantity, l.Price)).ToList());
    }

    [Fact]
    public async Task A_stock_update_reaches_the_platform_as_a_full_quantity_by_outer_id()
    {
        await Adapter("seller-stock").UpdateStockAsync("TEA-RED", 42, CancellationToken.None);

        var update = Assert.Single((await _simulator.Admin.GetFromJsonAsync<JsonArray>("/admin/stock-updates"))!)!;
        Assert.Equal(("TEA-RED", 42, 1), (update["outer_id"]!.GetValue<string>(), update["quantity"]!.GetValue<int>(), update["type"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_TOP_error_answer_is_reported_as_a_failed_call()
    {
        await _simulator.FailNextAsync("taobao.item.quantity.update", 1, "TopError");

        var error = await Assert.ThrowsAsync<PlatformCallException>(() => Adapter("seller-error").UpdateStockAsync("TEA-RED", 1, CancellationToken.None));

        Assert.Contains("isp.remote-service-timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TOP_times_are_China_time_and_signatures_follow_the_sorted_parameters()
    {
        Assert.Equal(new DateTime(2026, 11, 10, 16, 1, 2, DateTimeKind.Utc), TopTradeMapping.ParseTime("2026-11-11 00:01:02"));
        Assert.Equal("2026-11-11 00:01:02", TopTradeMapping.FormatTime(new DateTimeOffset(2026, 11, 10, 16, 1, 2, TimeSpan.Zero)));
        var forward = TopPlatformAdapter.Sign(new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" }, "secret");
        var backward = TopPlatformAdapter.Sign(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2", ["sign"] = "x" }, "secret");
        Assert.Equal(forward, backward);
        Assert.Equal(64, forward.Length);
    }

    /// <summary>The adapter without the resilience pipeline, so each test sees exactly what the platform answered.</summary>
    private TopPlatformAdapter Adapter(string session) =>
        new(_http, new PlatformConnection { BaseUrl = _simulator.BaseUrl, AppKey = "12345678", AppSecret = "secret", Session = session }, TimeProvider.System);
}
