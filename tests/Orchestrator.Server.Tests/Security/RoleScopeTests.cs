using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Security;

/// <summary>Reviewers see and act on their shops only; warehouse hands work their warehouses only.</summary>
public sealed class RoleScopeTests(LifecycleSqliteFixture server) : LifecycleTestBase(server), IClassFixture<LifecycleSqliteFixture>
{
    [SkippableFact]
    public async Task A_reviewer_sees_and_decides_only_orders_of_assigned_shops()
    {
        var mine = await CreateReadyShopAsync();
        var theirs = await CreateReadyShopAsync();
        var myOrder = await BlockedOrderAsync(mine, Unique("REVIEW-S1"));
        var theirOrder = await BlockedOrderAsync(theirs, Unique("REVIEW-S2"));

        var (_, reviewer) = await SignedInAsAsync("Reviewer", shops: [mine]);
        using (reviewer)
        {
            var queue = (await reviewer.GetFromJsonAsync<JsonObject>("/api/review/queue?pageSize=200", ServerFixture.Json))!["items"]!.AsArray();
            Assert.Contains(queue, i => i!["orderId"]!.GetValue<long>() == myOrder);
            Assert.DoesNotContain(queue, i => i!["shopId"]!.GetValue<long>() != mine);

            var denied = await ProblemAsync(await reviewer.PostAsJsonAsync($"/api/review/orders/{theirOrder}:approve", new JsonObject(), ServerFixture.Json), HttpStatusCode.Forbidden);
            Assert.Contains($"shop {theirs}", denied["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            await ProblemAsync(await reviewer.PostAsJsonAsync($"/api/orders/{theirOrder}/exceptions", new JsonObject { ["kind"] = "Other" }, ServerFixture.Json), HttpStatusCode.Forbidden);
            await WaitForAsync(theirOrder, bookmark: "Review", seconds: 1);

            Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/review/orders/{myOrder}:approve", new JsonObject(), ServerFixture.Json)).StatusCode);
        }

        // An ops lead is not narrowed: the other shop's order is theirs to decide.
        var (_, lead) = await SignedInAsAsync("OpsLead");
        using (lead)
        {
            Assert.Equal(HttpStatusCode.OK, (await lead.PostAsJsonAsync($"/api/review/orders/{theirOrder}:approve", new JsonObject(), ServerFixture.Json)).StatusCode);
        }
    }

    [SkippableFact]
    public async Task A_warehouse_hand_picks_only_in_assigned_warehouses_and_cannot_review()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var warehouse = await WarehouseOfAsync(shop);
        var orderId = await PushPaidOrderAsync(shop, code);
        await WaitForAsync(orderId, bookmark: "PickConfirmed");
        var elsewhere = await CreateOtherWarehouseAsync();

        var (_, stranger) = await SignedInAsAsync("Warehouse", warehouses: [elsewhere]);
        using (stranger)
        {
            var denied = await ProblemAsync(await stranger.PostAsJsonAsync($"/api/orders/{orderId}/pick:confirm", new JsonObject(), ServerFixture.Json), HttpStatusCode.Forbidden);
            Assert.Contains("not in a warehouse assigned to you", denied["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            await ProblemAsync(await stranger.PostAsJsonAsync($"/api/warehouses/{warehouse}/pick-lists", new JsonObject(), ServerFixture.Json), HttpStatusCode.Forbidden);
            var batch = new JsonObject { ["actions"] = new JsonArray(new JsonObject { ["orderId"] = orderId, ["action"] = "pick:confirm" }) };
            await ProblemAsync(await stranger.PostAsJsonAsync($"/api/warehouses/{warehouse}/floor:batch", batch, ServerFixture.Json), HttpStatusCode.Forbidden);

            // Through their own warehouse's batch, the order is not there to act on.
            var viaOwn = await stranger.PostAsJsonAsync($"/api/warehouses/{elsewhere}/floor:batch", batch, ServerFixture.Json);
            Assert.Equal(HttpStatusCode.OK, viaOwn.StatusCode);
            var outcome = (await viaOwn.Content.ReadFromJsonAsync<JsonObject>(ServerFixture.Json))!["results"]![0]!;
            Assert.Equal((404, "Order not in this warehouse"), (outcome["status"]!.GetValue<int>(), outcome["problem"]!["title"]!.GetValue<string>()));
            await ProblemAsync(await stranger.GetAsync("/api/review/queue"), HttpStatusCode.Forbidden);
        }

        var (picker, hand) = await SignedInAsAsync("Warehouse", warehouses: [warehouse]);
        using (hand)
        {
            Assert.Equal(HttpStatusCode.OK, (await hand.PostAsJsonAsync($"/api/orders/{orderId}/pick:confirm", new JsonObject(), ServerFixture.Json)).StatusCode);
        }

        var journal = (await WaitForAsync(orderId, bookmark: "Scanned"))["journal"]!.AsArray();
        Assert.Contains(journal, e => e!.ToJsonString().Contains(picker, StringComparison.Ordinal));
    }
}
