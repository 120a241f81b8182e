using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>
/// The inbox and the exception queue name who sent an order there: the Decision a workflow routed it by (not "Manual
/// review"), and the reviewer who set it aside (not the workflow whose wait recorded it).
/// </summary>
public sealed class ReviewRoutingNamesTests(LifecycleSqliteFixture server) : LifecycleTestBase(server), IClassFixture<LifecycleSqliteFixture>
{
    [SkippableFact]
    public async Task An_order_a_Decision_routes_to_review_waits_in_the_inbox_with_the_Decisions_name_or_its_id()
    {
        var named = Unique("decision-review").ToLowerInvariant();
        var unnamed = Unique("decision-review").ToLowerInvariant();
        await PublishWorkflowAsync(RoutedToReview(named, "大额订单人工核对"));
        await PublishWorkflowAsync(RoutedToReview(unnamed, null));
        var (tea, cup) = (Unique("TEA"), Unique("CUP"));
        var namedShop = await CreatePinnedShopAsync(named, tea);
        var unnamedShop = await CreatePinnedShopAsync(unnamed, cup);

        var first = await PushPaidOrderAsync(namedShop, tea);
        var second = await PushPaidOrderAsync(unnamedShop, cup);
        await WaitForAsync(first, bookmark: "Review");
        await WaitForAsync(second, bookmark: "Review");

        Assert.Equal(["大额订单人工核对"], await ReasonsAsync(namedShop, first));
        Assert.Equal(["big"], await ReasonsAsync(unnamedShop, second));
        var instances = (await Client.GetFromJsonAsync<JsonObject>($"/api/workflow-instances?orderId={first}", ServerFixture.Json))!["items"]!.AsArray();
        Assert.Equal("大额订单人工核对", Assert.Single(instances)!["blockedReason"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task An_entry_a_reviewer_set_aside_names_the_reviewer_while_the_workflows_own_entries_name_the_workflow()
    {
        var shop = await CreateReadyShopAsync();
        var orderId = await BlockedOrderAsync(shop, Unique("REVIEW-A"));
        var (reviewer, client) = await SignedInAsAsync("Reviewer", [shop]);
        using (client)
        {
            var aside = await client.PostAsJsonAsync($"/api/review/orders/{orderId}:reject",
                new JsonObject { ["reason"] = "地址待核实", ["mode"] = "exception" }, ServerFixture.Json);
            Assert.Equal(HttpStatusCode.OK, aside.StatusCode);
        }

        await WaitForAsync(orderId, bookmark: "Resolved");
        var unmapped = (await PushAsync(shop, PaidOrder(Unique("TB"), (Unique("NEW"), 1)), HttpStatusCode.Created)).Order.Id;
        await WaitForAsync(unmapped, bookmark: "Resolved");

        var entries = (await Client.GetFromJsonAsync<JsonObject>($"/api/exceptions?shopId={shop}", ServerFixture.Json))!["items"]!.AsArray();
        var setAside = entries.Single(e => e!["orderId"]!.GetValue<long>() == orderId)!;
        Assert.Equal((reviewer, "Workflow"), (setAside["raisedBy"]!.GetValue<string>(), setAside["source"]!.GetValue<string>()));
        Assert.Contains("地址待核实", setAside["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("workflow", entries.Single(e => e!["orderId"]!.GetValue<long>() == unmapped)!["raisedBy"]!.GetValue<string>());
    }

    private async Task<IEnumerable<string>> ReasonsAsync(long shop, long orderId)
    {
        var queue = (await Client.GetFromJsonAsync<JsonObject>($"/api/review/queue?shopId={shop}", ServerFixture.Json))!["items"]!.AsArray();
        var item = Assert.Single(queue)!;
        Assert.Equal(orderId, item["orderId"]!.GetValue<long>());
        return item["reasons"]!.AsArray().Select(r => r!.GetValue<string>());
    }

    /// <summary>Start → Decision <c>big</c> (named <paramref name="decisionName"/>) on payment; True → await review, False and every review outcome → Finish.</summary>
    private static JsonObject RoutedToReview(string definitionId, string? decisionName) => new()
    {
        ["definitionId"] = definitionId,
        ["name"] = "Decision 送审",
        ["root"] = new JsonObject
        {
            ["type"] = "Flowchart",
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "start", ["type"] = "Start" },
                new JsonObject
                {
                    ["id"] = "big",
                    ["type"] = "Decision",
                    ["name"] = decisionName,
                    ["condition"] = new JsonObject { ["left"] = "order.payment", ["operator"] = "gt", ["right"] = 100 },
                },
                new JsonObject { ["id"] = "await-review", ["type"] = "AwaitReview" },
                new JsonObject { ["id"] = "done", ["type"] = "Finish" }),
            ["connections"] = new JsonArray(
                Link("start", "Done", "big"), Link("big", "True", "await-review"), Link("big", "False", "done"),
                Link("await-review", "Approved", "done"), Link("await-review", "Rejected", "done"), Link("await-review", "Exception", "done")),
        },
    };
}
