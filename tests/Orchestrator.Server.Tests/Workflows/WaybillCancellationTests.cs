using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>
/// Waybills name the warehouse as sender, and a waybill nobody will ship is given back to the carrier (seed 004:
/// pre-reported numbers cost money): when the order is cancelled, when its instance is, and when the floor re-issues.
/// </summary>
public sealed class WaybillCancellationTests(WaybillSimulatorFixture fixture) : LifecycleTestBase(fixture), IClassFixture<WaybillSimulatorFixture>
{
    private WaybillSimulatorHost Simulator => fixture.Simulator;

    [Fact]
    public async Task The_carrier_gets_the_warehouse_as_sender()
    {
        var (_, instanceId) = await PushToPickingAsync();

        var sender = Assert.Single(await Simulator.WaybillsOfAsync(instanceId))["sender"]!;

        Assert.Equal(("王仓管", "13800000001"), (sender["name"]!.GetValue<string>(), sender["phone"]!.GetValue<string>()));
        Assert.Equal(("浙江省", "杭州市", "文一西路1号"),
            (sender["province"]!.GetValue<string>(), sender["city"]!.GetValue<string>(), sender["address"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("YTO", "Cainiao")]
    [InlineData("JD", "JD")]
    public async Task Cainiao_and_jd_get_the_sender_and_cancel_at_the_carrier_too(string carrierCode, string provider)
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        await UseCarrierAsync(shop, carrierCode, provider);
        var orderId = await PushPaidOrderAsync(shop, code);
        var instanceId = InstanceId(await WaitForAsync(orderId, bookmark: "PickConfirmed"));
        var issued = Assert.Single(await Simulator.WaybillsOfAsync(instanceId));
        Assert.Equal(provider, issued["provider"]!.GetValue<string>());
        Assert.Equal(("王仓管", "13800000001"), (issued["sender"]!["name"]!.GetValue<string>(), issued["sender"]!["phone"]!.GetValue<string>()));
        Assert.Contains("文一西路1号", issued["sender"]!["address"]!.GetValue<string>(), StringComparison.Ordinal);

        var cancelled = await Client.PostAsJsonAsync($"/api/workflow-instances/{instanceId}:cancel", new JsonObject { ["reason"] = "买家退款" }, ServerFixture.Json);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        await CancelledAtCarrierAsync(instanceId, issued["trackingNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancelling_the_order_after_its_waybill_cancels_the_waybill_at_the_carrier()
    {
        var (orderId, instanceId) = await PushToPickingAsync();
        var issued = Assert.Single(await Simulator.WaybillsOfAsync(instanceId));

        await ResumeOkAsync(instanceId, "PickConfirmed", new JsonObject { ["rejected"] = true, ["reason"] = "货损" });
        await ResumeOkAsync(instanceId, "Review", new JsonObject { ["decision"] = "reject", ["reviewer"] = "小李", ["reason"] = "买家退款" });

        var atCarrier = await CancelledAtCarrierAsync(instanceId, issued["trackingNumber"]!.GetValue<string>());
        Assert.NotNull(atCarrier["cancelledAt"]);
        var row = Assert.Single(await WaybillsAsync(orderId));
        Assert.NotNull(row["cancelledAt"]);
        Assert.False(row["isLive"]!.GetValue<bool>());
        Assert.Null(await TrackingNumberAsync(orderId));
    }

    [Fact]
    public async Task Cancelling_the_instance_cancels_its_waybill_at_the_carrier()
    {
        var (orderId, instanceId) = await PushToPickingAsync();
        var number = Assert.Single(await Simulator.WaybillsOfAsync(instanceId))["trackingNumber"]!.GetValue<string>();

        var cancelled = await Client.PostAsJsonAsync($"/api/workflow-instances/{instanceId}:cancel", new JsonObject { ["reason"] = "买家退款" }, ServerFixture.Json);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        await CancelledAtCarrierAsync(instanceId, number);
        var row = await Server.WithDbAsync(db => db.Waybills.SingleAsync(w => w.OrderId == orderId));
        Assert.NotNull(row.CancelledAt);
        Assert.Equal("workflow instance cancelled", row.CancelReason);
    }

    [Fact]
    public async Task The_floor_re_issues_a_waybill_under_a_new_key_and_the_old_one_is_cancelled()
    {
        var (orderId, instanceId) = await PushToPickingAsync();
        var first = Assert.Single(await WaybillsAsync(orderId));

        var reissued = await CancelWaybillAsync(orderId, first["id"]!.GetValue<long>(), new JsonObject { ["reason"] = "面单打印模糊" }, HttpStatusCode.OK);

        var replacement = reissued["replacement"]!;
        Assert.NotEqual(first["trackingNumber"]!.GetValue<string>(), replacement["trackingNumber"]!.GetValue<string>());
        Assert.Equal(first["idempotencyKey"]!.GetValue<string>() + ":r1", replacement["idempotencyKey"]!.GetValue<string>());
        Assert.NotNull(reissued["cancelled"]!["cancelledAt"]);
        Assert.Equal("面单打印模糊", reissued["cancelled"]!["cancelReason"]!.GetValue<string>());
        Assert.Equal(replacement["trackingNumber"]!.GetValue<string>(), reissued["trackingNumber"]!.GetValue<string>());
        var atCarrier = await Simulator.WaybillsOfAsync(instanceId);
        Assert.Equal(2, atCarrier.Count);
        Assert.NotNull(atCarrier.Single(w => w["trackingNumber"]!.GetValue<string>() == first["trackingNumber"]!.GetValue<string>())["cancelledAt"]);
        Assert.Null(atCarrier.Single(w => w["trackingNumber"]!.GetValue<string>() == replacement["trackingNumber"]!.GetValue<string>())["cancelledAt"]);

        var again = await ProblemAsync(await PostCancelAsync(orderId, first["id"]!.GetValue<long>(), new JsonObject()), HttpStatusCode.Conflict);
        Assert.Contains("already cancelled", again["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        AssertNamesField(await ProblemAsync(await PostCancelAsync(orderId, replacement["id"]!.GetValue<long>(), new JsonObject { ["reason"] = new string('x', 501) }),
            HttpStatusCode.BadRequest), "reason");
        await ProblemAsync(await PostCancelAsync(orderId, 999_999, new JsonObject()), HttpStatusCode.NotFound);

        var shipped = await ShipThroughFloorAsync(instanceId);
        Assert.Equal("Finished", shipped["instance"]!["status"]!.GetValue<string>());
        Assert.Equal(replacement["trackingNumber"]!.GetValue<string>(), await TrackingNumberAsync(orderId));
    }

    [Fact]
    public async Task A_cancellation_the_carrier_refuses_is_kept_with_its_error_and_retried_until_it_is_confirmed()
    {
        var (orderId, instanceId) = await PushToPickingAsync();
        var first = Assert.Single(await WaybillsAsync(orderId));
        await Simulator.InjectAsync(new JsonObject { ["provider"] = "SF", ["fail"] = WaybillSimulatorFixture.Retries + 1 });
        JsonObject pending;
        try
        {
            pending = await CancelWaybillAsync(orderId, first["id"]!.GetValue<long>(), new JsonObject { ["reissue"] = false }, HttpStatusCode.OK);
        }
        finally
        {
            await Simulator.ClearFaultsAsync();
        }

        Assert.Null(pending["replacement"]);
        Assert.Null(pending["cancelled"]!["cancelledAt"]);
        Assert.Equal(1, pending["cancelled"]!["cancelAttempts"]!.GetValue<int>());
        Assert.Contains("500", pending["cancelled"]!["cancelError"]!.GetValue<string>(), StringComparison.Ordinal);

        await CancelledAtCarrierAsync(instanceId, first["trackingNumber"]!.GetValue<string>());
        var row = await Server.WithDbAsync(db => db.Waybills.SingleAsync(w => w.OrderId == orderId));
        Assert.NotNull(row.CancelledAt);
        Assert.Null(row.CancelError);
    }

    private async Task<(long OrderId, Guid InstanceId)> PushToPickingAsync()
    {
        var code = Unique("TEA");
        var orderId = await PushPaidOrderAsync(await CreateReadyShopAsync(code), code);
        var detail = await WaitForAsync(orderId, bookmark: "PickConfirmed");
        return (orderId, InstanceId(detail));
    }

    private async Task<List<JsonObject>> WaybillsAsync(long orderId) =>
        (await Client.GetFromJsonAsync<JsonArray>($"/api/orders/{orderId}/waybills", ServerFixture.Json))!.Select(w => w!.AsObject()).ToList();

    private Task<HttpResponseMessage> PostCancelAsync(long orderId, long waybillId, JsonObject body) =>
        Client.PostAsJsonAsync($"/api/orders/{orderId}/waybills/{waybillId}:cancel", body, ServerFixture.Json);

    private async Task<JsonObject> CancelWaybillAsync(long orderId, long waybillId, JsonObject body, HttpStatusCode expected)
    {
        var response = await PostCancelAsync(orderId, waybillId, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"cancel: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Waits for the cancellation job to reach the carrier with <paramref name="trackingNumber"/>.</summary>
    private async Task<JsonObject> CancelledAtCarrierAsync(Guid instanceId, string trackingNumber)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonObject? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = (await Simulator.WaybillsOfAsync(instanceId)).Single(w => w["trackingNumber"]!.GetValue<string>() == trackingNumber);
            if (last["cancelledAt"] is not null)
            {
                return last;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Waybill {trackingNumber} was not cancelled at the carrier in 30 s: {last?.ToJsonString()}");
    }
}
