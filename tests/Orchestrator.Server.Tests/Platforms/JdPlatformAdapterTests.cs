using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Domain.Orders;
using Orchestrator.Integrations.Platforms;
using Orchestrator.Integrations.Platforms.Jd;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Platforms;

/// <summary>The JD POP adapter against the simulator's JOS router: order search mapping and paging, idempotent shipment, stock.</summary>
public sealed class JdPlatformAdapterTests : IAsyncLifetime
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
    public async Task Searched_orders_carry_JD_fields_onto_intake_orders_across_pages()
    {
        var response = await _simulator.Admin.PostAsJsonAsync("/admin/trades", new JsonObject
        {
            ["trades"] = new JsonArray(new JsonObject
            {
                ["tid"] = 260_000_123_456,
                ["seller_nick"] = "jd-map",
                ["type"] = "cod",
                ["pay_time"] = "2026-11-11 00:01:02",
                ["payment"] = "180.00",
                ["total_fee"] = "200.00",
                ["post_fee"] = "8.00",
                ["buyer_nick"] = "jd_buyer_pin",
                ["buyer_message"] = "周末送货",
                ["seller_memo"] = "加急",
                ["receiver_name"] = "李雷",
                ["receiver_mobile"] = "13800000000",
                ["receiver_state"] = "广东省",
                ["receiver_city"] = "深圳市",
                ["receiver_district"] = "南山区",
                ["receiver_address"] = "科技园1号",
                ["orders"] = new JsonObject
                {
                    ["order"] = new JsonArray(
                        new JsonObject { ["sku_id"] = "100012", ["outer_sku_id"] = "TEA-RED", ["title"] = "红茶", ["num"] = 2, ["price"] = "90.00" },
                        new JsonObject { ["sku_id"] = "100013", ["outer_iid"] = "CUP", ["title"] = "茶杯", ["num"] = 1, ["price"] = "20.00" }),
                },
            }),
        });
        response.EnsureSuccessStatusCode();
        (await _simulator.Admin.PostAsJsonAsync("/admin/trades", new JsonObject
        {
            ["trades"] = new JsonArray(Enumerable.Range(0, 120).Select(_ => (JsonNode)new JsonObject { ["seller_nick"] = "jd-map" }).ToArray()),
        })).EnsureSuccessStatusCode();

        var orders = await Adapter("jd-map").PullOrdersAsync(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(121, orders.Select(o => o.PlatformOrderId).Distinct().Count());
        Assert.Equal(2, (await _simulator.PullsAsync("jd-map", api: "jd")).Count);
        var order = orders.Single(o => o.PlatformOrderId == "260000123456");
        Assert.Equal(("WAIT_SELLER_STOCK_OUT", "jd_buyer_pin", "周末送货", "加急", true), (order.Status, order.BuyerNick, order.BuyerMessage, order.SellerMemo, order.IsCod));
        Assert.True(PlatformTradeStatus.TryClassify(order.Status, out var state) && state == PlatformTradeState.ReadyToShip);
        Assert.Equal(("李雷", "13800000000", "广东省", "深圳市", "南山区", "科技园1号"),
            (order.ReceiverName, order.ReceiverMobile, order.ReceiverProvince, order.ReceiverCity, order.ReceiverDistrict, order.ReceiverAddress));
        Assert.Equal((180m, 200m, 8m), (order.Payment, order.TotalFee, order.PostFee));
        Assert.Equal(new DateTime(2026, 11, 10, 16, 1, 2, DateTimeKind.Utc), order.PayTime);
        Assert.Equal([("100012", "TEA-RED", 2, 90m), ("100013", "CUP", 1, 20m)],
            order.Lines.Select(l => (l.PlatformSkuId, l.MerchantCode, l.Quantity, l.Price)).ToList());
    }

    [Fact]
    public async Task A_second_shipment_for_a_shipped_order_is_refused_and_order_get_reports_its_waybill()
    {
        var adapter = Adapter("jd-ship");
        var orderId = await _simulator.AddTradeAsync("jd-ship", "TEA-1");
        var notice = new ShipmentNotice(orderId.ToString(CultureInfo.InvariantCulture), "JD", "JDVA0001", "key-1");
        Assert.False((await adapter.ShipmentStateAsync(notice.PlatformOrderId, null, CancellationToken.None)).IsShipped);

        await adapter.ConfirmShipmentAsync(notice, CancellationToken.None);
        await Assert.ThrowsAsync<PlatformCallException>(() => adapter.ConfirmShipmentAsync(notice with { IdempotencyKey = "key-2" }, CancellationToken.None));

        var state = await adapter.ShipmentStateAsync(notice.PlatformOrderId, null, CancellationToken.None);
        Assert.True(state.IsShipped);
        Assert.Equal(["JDVA0001"], state.TrackingNumbers);
        var shipment = Assert.Single(await _simulator.ShipmentsAsync(orderId))!;
        Assert.Equal(("JDVA0001", "JD"), (shipment["out_sid"]!.GetValue<string>(), shipment["company_code"]!.GetValue<string>()));
        await Assert.ThrowsAsync<PlatformCallException>(() => adapter.ConfirmShipmentAsync(notice with { TrackingNumber = "JDVA0002" }, CancellationToken.None));
        var shipped = await Adapter("jd-ship").PullOrdersAsync(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None);
        Assert.Equal("WAIT_GOODS_RECEIVE_CONFIRM", Assert.Single(shipped).Status);
    }

    [Fact]
    public async Task A_stock_update_sets_the_listing_by_outer_id_and_a_JOS_error_is_a_failed_call()
    {
        await Adapter("jd-stock").UpdateStockAsync("TEA-RED", 42, CancellationToken.None);
        Assert.Equal(42, await _simulator.StockAsync("jd-stock", "TEA-RED", api: "jd"));
        Assert.Null(await _simulator.StockAsync("jd-stock", "TEA-RED", api: "top"));

        await _simulator.FailNextAsync("jingdong.stock.write.updateSkuStock", 1, "TopError");
        var error = await Assert.ThrowsAsync<PlatformCallException>(() => Adapter("jd-stock").UpdateStockAsync("TEA-RED", 7, CancellationToken.None));

        Assert.Contains("JD error 66", error.Message, StringComparison.Ordinal);
        Assert.Equal(42, await _simulator.StockAsync("jd-stock", "TEA-RED", api: "jd"));
    }

    [Fact]
    public void JOS_signatures_wrap_the_sorted_parameters_in_the_secret()
    {
        var forward = JdPlatformAdapter.Sign(new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" }, "secret");
        var backward = JdPlatformAdapter.Sign(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2", ["sign"] = "x" }, "secret");

        Assert.Equal(forward, backward);
        Assert.Equal("EF16F26C937CF52AE6F85DF2FD08B24A", forward); // MD5 of secret + a1b2 + secret
    }

    /// <summary>The adapter without the resilience pipeline, so each test sees exactly what the platform answered.</summary>
    private JdPlatformAdapter Adapter(string accessToken) =>
        new(_http, new PlatformConnection { BaseUrl = _simulator.BaseUrl, AppKey = "jd-app", AppSecret = "secret", Session = accessToken }, TimeProvider.System);
}
