using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>The sales-order lifecycle from workflows/sales-order.json, driven over HTTP as integrations and the floor would.</summary>
public abstract class WorkflowRuntimeTests(ServerFixture server) : LifecycleTestBase(server)
{
    [SkippableFact]
    public async Task A_new_order_runs_to_the_pick_wait_and_the_floor_stimuli_take_it_to_Finished_with_a_journal_per_step()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var orderId = await PushPaidOrderAsync(shop, code);

        var atPick = await WaitForAsync(orderId, bookmark: "PickConfirmed");
        Assert.Equal("Suspended", atPick["instance"]!["status"]!.GetValue<string>());
        Assert.Equal("pick", atPick["instance"]!["currentActivityId"]!.GetValue<string>());
        Assert.Equal(
            ["start:Completed:Done", "import:Completed:Imported", "review:Completed:Approved", "stock:Completed:InStock",
             "allocate:Completed:Allocated", "waybill:Completed:Done", "pick:Suspended"],
            Steps(atPick));

        var finished = await ShipThroughFloorAsync(InstanceId(atPick));

        Assert.Equal("Finished", finished["instance"]!["status"]!.GetValue<string>());
        Assert.Equal(["pick:Completed:Picked", "verify:Suspended", "verify:Completed:Verified", "weigh:Suspended", "weigh:Completed:Weighed",
            "confirm:Completed:Done", "done:Completed:Done"], Steps(finished).Skip(7));
        Assert.All(finished["journal"]!.AsArray(), j => Assert.True(j!["durationMs"]!.GetValue<double>() >= 0));
        var order = (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}", ServerFixture.Json))!;
        Assert.Equal("Shipped", order["status"]!.GetValue<string>());
        Assert.StartsWith("SF", order["trackingNumber"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1.25m, order["weightKg"]!.GetValue<decimal>());
        Assert.Equal((1, 1), await Server.WithDbAsync(async db =>
            (await db.Waybills.CountAsync(w => w.OrderId == orderId), await db.ShipmentConfirmations.CountAsync(s => s.OrderId == orderId))));
    }

    [SkippableFact]
    public async Task A_blocked_order_waits_for_a_reviewer_is_listed_with_its_reason_and_approval_moves_it_on()
    {
        var shop = await CreateReadyShopAsync();
        var code = Unique("CHECK-CODE");
        var orderId = await BlockedOrderAsync(shop, code);

        var blocked = await WaitForAsync(orderId, bookmark: "Review");
        Assert.Contains(code, blocked["instance"]!["blockedReason"]!.GetValue<string>(), StringComparison.Ordinal);
        var queue = (await Client.GetFromJsonAsync<JsonObject>($"/api/workflow-instances?shopId={shop}&waitingFor=Review&blockedReason=CHECK-CODE", ServerFixture.Json))!;
        Assert.Equal(InstanceId(blocked), Assert.Single(queue["items"]!.AsArray())!["id"]!.GetValue<Guid>());
        Assert.Equal("Blocked", (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}", ServerFixture.Json))!["status"]!.GetValue<string>());

        var approved = await ResumeOkAsync(InstanceId(blocked), "Review", new JsonObject { ["decision"] = "approve", ["reviewer"] = "客服小李" });

        Assert.Equal("PickConfirmed", approved["instance"]!["waitingFor"]!.GetValue<string>());
        Assert.Contains("await-review:Completed:Approved", Steps(approved));
    }

    [SkippableFact]
    public async Task Rejecting_at_review_cancels_the_order_and_closes_the_instance()
    {
        var shop = await CreateReadyShopAsync();
        var orderId = await BlockedOrderAsync(shop, Unique("CHECK"));
        var blocked = await WaitForAsync(orderId, bookmark: "Review");

        var closed = await ResumeOkAsync(InstanceId(blocked), "Review", new JsonObject { ["decision"] = "reject" });

        Assert.Equal("Finished", closed["instance"]!["status"]!.GetValue<string>());
        Assert.Equal(["await-review:Completed:Rejected", "cancel:Completed:Done", "closed:Completed:Done"], Steps(closed).TakeLast(3));
        Assert.Equal("Cancelled", (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}", ServerFixture.Json))!["status"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task A_stimulus_the_activity_cannot_take_is_a_400_naming_the_field_and_the_wait_goes_on()
    {
        var shop = await CreateReadyShopAsync();
        var orderId = await BlockedOrderAsync(shop, Unique("CHECK"));
        var instance = InstanceId(await WaitForAsync(orderId, bookmark: "Review"));

        var problem = await ProblemAsync(await ResumeAsync(instance, "Review", new JsonObject { ["decision"] = "maybe" }), HttpStatusCode.BadRequest);
        AssertNamesField(problem, "decision");
        var notJson = await Client.PostAsync($"/api/workflow-instances/{instance}/bookmarks/Review:resume",
            new StringContent("{ \"decision\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);

        Assert.Equal("Review", (await WaitForAsync(orderId))["instance"]!["waitingFor"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Resuming_a_bookmark_the_instance_does_not_wait_on_is_a_409_listing_what_it_waits_on()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var orderId = await PushPaidOrderAsync(shop, code);
        var instance = InstanceId(await WaitForAsync(orderId, bookmark: "PickConfirmed"));

        var problem = await ProblemAsync(await ResumeAsync(instance, "Weighed", new JsonObject { ["weightKg"] = 1 }), HttpStatusCode.Conflict);

        Assert.Equal("PickConfirmed", Assert.Single(problem["openBookmarks"]!.AsArray())!.GetValue<string>());
        await ProblemAsync(await ResumeAsync(Guid.NewGuid(), "Review"), HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task Two_hundred_simultaneous_resumes_of_one_bookmark_make_exactly_one_transition()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var orderId = await PushPaidOrderAsync(shop, code);
        var instance = InstanceId(await WaitForAsync(orderId, bookmark: "PickConfirmed"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => ResumeAsync(instance, "PickConfirmed")));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(199, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var detail = await InstanceOfOrderAsync(orderId);
        Assert.Single(Steps(detail), s => s == "pick:Completed:Picked");
        Assert.Equal("Scanned", detail["instance"]!["waitingFor"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task A_failing_activity_raises_an_incident_and_retry_after_the_fix_continues_from_that_activity()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        await Server.WithDbAsync(db => db.Shops.Where(s => s.Id == shop).ExecuteUpdateAsync(s => s.SetProperty(x => x.DefaultLogisticsCompanyId, (long?)null)));
        var orderId = await PushPaidOrderAsync(shop, code);

        var faulted = await WaitForAsync(orderId, status: "Faulted");
        Assert.Equal("waybill", faulted["instance"]!["currentActivityId"]!.GetValue<string>());
        var incident = Assert.Single(faulted["incidents"]!.AsArray())!;
        Assert.Contains("logistics company", incident["message"]!.GetValue<string>(), StringComparison.Ordinal);
        await ProblemAsync(await ResumeAsync(InstanceId(faulted), "PickConfirmed"), HttpStatusCode.Conflict);

        var carrier = await Server.WithDbAsync(db => db.LogisticsCompanies.Select(l => l.Id).FirstAsync());
        await Server.WithDbAsync(db => db.SalesOrders.Where(o => o.Id == orderId).ExecuteUpdateAsync(s => s.SetProperty(o => o.LogisticsCompanyId, carrier)));
        var retried = await Client.PostAsync($"/api/workflow-instances/{InstanceId(faulted)}:retry", null);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);

        var detail = await WaitForAsync(orderId, bookmark: "PickConfirmed");
        Assert.NotNull(Assert.Single(detail["incidents"]!.AsArray())!["resolvedAt"]);
        Assert.Equal(["waybill:Faulted", "waybill:Completed:Done"], Steps(detail).Where(s => s.StartsWith("waybill", StringComparison.Ordinal)));
        await ProblemAsync(await Client.PostAsync($"/api/workflow-instances/{InstanceId(faulted)}:retry", null), HttpStatusCode.Conflict);
    }

    [SkippableFact]
    public async Task Cancel_ends_a_waiting_instance_and_later_stimuli_are_refused()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var orderId = await PushPaidOrderAsync(shop, code);
        var instance = InstanceId(await WaitForAsync(orderId, bookmark: "PickConfirmed"));

        var cancelled = await Client.PostAsJsonAsync($"/api/workflow-instances/{instance}:cancel", new JsonObject { ["reason"] = "买家退款" }, ServerFixture.Json);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Cancelled", (await InstanceOfOrderAsync(orderId))["instance"]!["status"]!.GetValue<string>());
        await ProblemAsync(await ResumeAsync(instance, "PickConfirmed"), HttpStatusCode.Conflict);
    }

    [SkippableFact]
    public async Task Repeated_pushes_of_one_order_start_one_instance_and_unpaid_orders_wait_until_a_push_says_paid()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var unpaid = PaidOrder(Unique("TB"), (code, 1));
        unpaid["status"] = "WAIT_BUYER_PAY";
        unpaid["modified"] = "2026-11-11T00:00:00+08:00";
        var orderId = (await PushAsync(shop, unpaid, HttpStatusCode.Created)).Order.Id;
        await PushAsync(shop, unpaid, HttpStatusCode.OK);
        await WaitForAsync(orderId, bookmark: "Paid");

        unpaid["status"] = "WAIT_SELLER_SEND_GOODS";
        unpaid["modified"] = "2026-11-11T00:05:00+08:00";
        await PushAsync(shop, unpaid, HttpStatusCode.OK);

        await WaitForAsync(orderId, bookmark: "PickConfirmed");
        Assert.Equal(1, await Server.WithDbAsync(db => db.WorkflowInstances.CountAsync(i => i.SalesOrderId == orderId)));
    }

    [SkippableFact]
    public async Task A_trade_the_platform_closes_before_payment_cancels_its_waiting_instance()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var unpaid = PaidOrder(Unique("TB"), (code, 1));
        unpaid["status"] = "WAIT_BUYER_PAY";
        unpaid["modified"] = "2026-11-11T00:00:00+08:00";
        var orderId = (await PushAsync(shop, unpaid, HttpStatusCode.Created)).Order.Id;
        await WaitForAsync(orderId, bookmark: "Paid");

        unpaid["status"] = "TRADE_CLOSED_BY_TAOBAO";
        unpaid["modified"] = "2026-11-11T00:30:00+08:00";
        await PushAsync(shop, unpaid, HttpStatusCode.OK);

        var cancelled = await WaitForAsync(orderId, status: "Cancelled");
        Assert.Contains("TRADE_CLOSED_BY_TAOBAO", cancelled["journal"]!.AsArray()[^1]!["inputs"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_palette_lists_every_activity_with_its_inputs_and_ports()
    {
        var activities = (await Client.GetFromJsonAsync<JsonArray>("/api/activities", ServerFixture.Json))!;

        var types = activities.Select(a => a!["typeName"]!.GetValue<string>()).ToList();
        Assert.Superset(new HashSet<string> { "Start", "Decision", "Fork", "Join", "Delay", "SetVariable", "Finish", "ImportOrder", "ServiceReview",
            "AwaitReview", "OutOfStockCheck", "AllocateWarehouse", "RequestWaybill", "Pick", "Verify", "WeighShip", "ConfirmShipment" }, types.ToHashSet());
        var decision = activities.Single(a => a!["typeName"]!.GetValue<string>() == "Decision")!;
        Assert.Equal(["True", "False"], decision["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal("Condition", decision["inputs"]![0]!["type"]!.GetValue<string>());
        var review = activities.Single(a => a!["typeName"]!.GetValue<string>() == "ServiceReview")!;
        Assert.Equal(["Approved", "Blocked", "Exception"], review["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
    }
}

public sealed class SqliteWorkflowRuntimeTests(LifecycleSqliteFixture server) : WorkflowRuntimeTests(server), IClassFixture<LifecycleSqliteFixture>;

public sealed class PostgreSqlWorkflowRuntimeTests(LifecyclePostgreSqlFixture server) : WorkflowRuntimeTests(server), IClassFixture<LifecyclePostgreSqlFixture>;
