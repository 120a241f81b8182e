using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>电子面单 from a carrier over HTTP (the simulator): one number per package through timeouts, failures and retries.</summary>
public sealed class WaybillProviderTests(WaybillSimulatorFixture fixture) : LifecycleTestBase(fixture), IClassFixture<WaybillSimulatorFixture>
{
    private WaybillSimulatorHost Simulator => fixture.Simulator;

    [Fact]
    public async Task An_order_reaches_picking_with_the_number_the_carrier_issued()
    {
        var (orderId, instanceId) = await PushToPickingAsync();

        var issued = Assert.Single(await Simulator.WaybillsOfAsync(instanceId));
        Assert.Equal("SF", issued["provider"]!.GetValue<string>());
        Assert.Matches("^SF[0-9]{13}$", issued["trackingNumber"]!.GetValue<string>());
        Assert.Equal(issued["trackingNumber"]!.GetValue<string>(), await TrackingNumberAsync(orderId));
    }

    [Fact]
    public async Task A_carrier_slower_than_the_attempt_timeout_is_asked_again_and_issues_one_number()
    {
        await Simulator.InjectAsync(new JsonObject { ["provider"] = "SF", ["delay"] = 1, ["delaySeconds"] = 3 });

        var (orderId, instanceId) = await PushToPickingAsync();

        var issued = Assert.Single(await Simulator.WaybillsOfAsync(instanceId));
        Assert.True(issued["repeats"]!.GetValue<int>() >= 1, $"The timed-out request was not asked again: {issued.ToJsonString()}");
        Assert.Equal(issued["trackingNumber"]!.GetValue<string>(), await TrackingNumberAsync(orderId));
    }

    [Fact]
    public async Task A_carrier_failing_past_the_retries_faults_the_instance_and_a_retry_after_recovery_takes_one_number()
    {
        await Simulator.InjectAsync(new JsonObject { ["provider"] = "SF", ["fail"] = WaybillSimulatorFixture.Retries + 5 });
        try
        {
            var code = Unique("TEA");
            var orderId = await PushPaidOrderAsync(await CreateReadyShopAsync(code), code);
            var faulted = await WaitForAsync(orderId, status: "Faulted");
            var incident = Assert.Single(faulted["incidents"]!.AsArray());
            Assert.Equal("waybill", incident!["activityId"]!.GetValue<string>());
            var instanceId = InstanceId(faulted);
            Assert.Empty(await Simulator.WaybillsOfAsync(instanceId));

            await Simulator.ClearFaultsAsync();
            var retried = await Client.PostAsync($"/api/workflow-instances/{instanceId}:retry", null);
            Assert.True(retried.StatusCode == HttpStatusCode.OK, $"retry: {retried.StatusCode} {await retried.Content.ReadAsStringAsync()}");

            await WaitForAsync(orderId, bookmark: "PickConfirmed");
            var issued = Assert.Single(await Simulator.WaybillsOfAsync(instanceId));
            Assert.Equal(issued["trackingNumber"]!.GetValue<string>(), await TrackingNumberAsync(orderId));
        }
        finally
        {
            await Simulator.ClearFaultsAsync();
        }
    }

    private async Task<(long OrderId, Guid InstanceId)> PushToPickingAsync()
    {
        var code = Unique("TEA");
        var orderId = await PushPaidOrderAsync(await CreateReadyShopAsync(code), code);
        var detail = await WaitForAsync(orderId, bookmark: "PickConfirmed");
        return (orderId, InstanceId(detail));
    }
}
