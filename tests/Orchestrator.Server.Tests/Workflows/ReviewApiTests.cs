using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>The reviewers' inbox: blocked orders with their reasons, approve, edit-and-approve, reject, and two reviewers at once.</summary>
public abstract class ReviewApiTests(ServerFixture server) : LifecycleTestBase(server)
{
    [SkippableFact]
    public async Task The_queue_lists_blocked_orders_with_their_reasons_and_approving_one_moves_it_on()
    {
        var shop = await CreateReadyShopAsync();
        var orderId = await BlockedOrderAsync(shop, "REVIEW-Q1");

        var queue = (await Client.GetFromJsonAsync<JsonObject>($"/api/review/queue?shopId={shop}&reason=REVIEW-Q1", ServerFixture.Json))!;
        var item = Assert.Single(queue["items"]!.AsArray())!;
        Assert.Equal(orderId, item["orderId"]!.GetValue<long>());
        Assert.Contains("REVIEW-Q1", item["reasons"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("周末送货", item["buyerMessage"]!.GetValue<string>());
        Assert.True(item["ageMinutes"]!.GetValue<double>() >= 0);
        Assert.Empty((await Client.GetFromJsonAsync<JsonObject>($"/api/review/queue?shopId={shop}&olderThanMinutes=60", ServerFixture.Json))!["items"]!.AsArray());

        var approved = await Client.PostAsJsonAsync($"/api/review/orders/{orderId}:approve", new JsonObject { ["reviewer"] = "客服小李" }, ServerFixture.Json);

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("PickConfirmed", (await WaitForAsync(orderId))["instance"]!["waitingFor"]!.GetValue<string>());
        Assert.Empty((await Client.GetFromJsonAsync<JsonObject>($"/api/review/queue?shopId={shop}", ServerFixture.Json))!["items"]!.AsArray());
    }

    [SkippableFact]
    public async Task A_reviewer_edits_address_memo_and_carrier_then_approves_in_one_step()
    {
        var shop = await CreateReadyShopAsync();
        var orderId = await BlockedOrderAsync(shop, "REVIEW-E1");
        var carrier = await PostCreatedAsync("/api/logistics-companies", new JsonObject { ["code"] = "JD", ["name"] = "京东物流", ["waybillProvider"] = "JD" }, allowExisting: true);

        var badCarrier = await Client.PostAsJsonAsync($"/api/review/orders/{orderId}:approve", new JsonObject
        {
            ["reviewer"] = "客服小李",
            ["changes"] = new JsonObject { ["logisticsCompanyId"] = 999999 },
        }, ServerFixture.Json);
        AssertNamesField(await ProblemAsync(badCarrier, HttpStatusCode.BadRequest), "changes.logisticsCompanyId");
        var emptyName = await Client.PostAsJsonAsync($"/api/review/orders/{orderId}:approve", new JsonObject
        {
            ["reviewer"] = "客服小李",
            ["changes"] = new JsonObject { ["receiver"] = new JsonObject { ["name"] = " " } },
        }, ServerFixture.Json);
        AssertNamesField(await ProblemAsync(emptyName, HttpStatusCode.BadRequest), "changes.receiver.name");
        foreach (var (field, length) in new[] { ("name", 129), ("mobile", 33) })
        {
            var tooLong = await Client.PostAsJsonAsync($"/api/review/orders/{orderId}:approve", new JsonObject
            {
                ["reviewer"] = "客服小李",
                ["changes"] = new JsonObject { ["receiver"] = new JsonObject { [field] = new string('9', length) } },
            }, ServerFixture.Json);
            AssertNamesField(await ProblemAsync(tooLong, HttpStatusCode.BadRequest), $"changes.receiver.{field}");
        }


        var approved = await Client.PostAsJsonAsync($"/api/review/orders/{orderId}:approve", new JsonObject
        {
            ["reviewer"] = "客服小李",
            ["note"] = "买家来电改地址",
            ["changes"] = new JsonObject
            {
                ["receiver"] = new JsonObject { ["city"] = "宁波市", ["district"] = "鄞州区", ["address"] = "天童南路588号" },
                ["sellerMemo"] = "改地址已核实",
                ["logisticsCompanyId"] = carrier,
            },
        }, ServerFixture.Json);

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var order = (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}", ServerFixture.Json))!;
        Assert.Equal(("宁波市", "天童南路588号", "王小明"), (order["receiver"]!["city"]!.GetValue<string>(), order["receiver"]!["address"]!.GetValue<string>(),
            order["receiver"]!["name"]!.GetValue<string>()));
        Assert.Equal("改地址已核实", order["sellerMemo"]!.GetValue<string>());
        Assert.Equal(carrier, order["logisticsCompanyId"]!.GetValue<long>());
        var journal = (await InstanceOfOrderAsync(orderId))["journal"]!.AsArray();
        Assert.Equal("宁波市", journal.Single(j => j!["activityId"]!.GetValue<string>() == "await-review" && j["event"]!.GetValue<string>() == "Completed")!
            ["outputs"]!["changes"]!["receiver"]!["city"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Rejecting_cancels_the_order_or_sets_it_aside_in_the_exception_queue()
    {
        var shop = await CreateReadyShopAsync();
        var cancelled = await BlockedOrderAsync(shop, "REVIEW-R1");
        var setAside = await BlockedOrderAsync(shop, "REVIEW-R2");

        var reject = await Client.PostAsJsonAsync($"/api/review/orders/{cancelled}:reject", new JsonObject { ["reviewer"] = "客服小李", ["reason"] = "疑似刷单" }, ServerFixture.Json);
        var aside = await Client.PostAsJsonAsync($"/api/review/orders/{setAside}:reject",
            new JsonObject { ["reviewer"] = "客服小李", ["reason"] = "地址待核实", ["mode"] = "exception" }, ServerFixture.Json);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (reject.StatusCode, aside.StatusCode));
        Assert.Equal("Cancelled", (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{cancelled}", ServerFixture.Json))!["status"]!.GetValue<string>());
        Assert.Equal("Finished", (await InstanceOfOrderAsync(cancelled))["instance"]!["status"]!.GetValue<string>());
        var exception = (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{setAside}", ServerFixture.Json))!;
        Assert.Equal(("Exception", "RuleMatched"), (exception["status"]!.GetValue<string>(), exception["exceptionKind"]!.GetValue<string>()));
        Assert.Equal("Resolved", (await WaitForAsync(setAside))["instance"]!["waitingFor"]!.GetValue<string>());
        var badMode = await Client.PostAsJsonAsync($"/api/review/orders/{setAside}:reject", new JsonObject { ["reviewer"] = "x", ["reason"] = "y", ["mode"] = "shred" }, ServerFixture.Json);
        AssertNamesField(await ProblemAsync(badMode, HttpStatusCode.BadRequest), "mode");
    }

    [SkippableFact]
    public async Task Two_reviewers_acting_at_once_one_wins_and_the_other_is_told_who_acted()
    {
        var shop = await CreateReadyShopAsync();
        var orderId = await BlockedOrderAsync(shop, "REVIEW-C1");

        var (li, liClient) = await SignedInAsAsync("Reviewer", shops: [shop]);
        var (wang, wangClient) = await SignedInAsAsync("Reviewer", shops: [shop]);
        using var a = liClient;
        using var b = wangClient;
        var responses = await Task.WhenAll(
            a.PostAsJsonAsync($"/api/review/orders/{orderId}:approve", new JsonObject(), ServerFixture.Json),
            b.PostAsJsonAsync($"/api/review/orders/{orderId}:reject", new JsonObject { ["reason"] = "不发" }, ServerFixture.Json));

        var winner = Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.NotEqual(-1, winner);
        var problem = await ProblemAsync(responses[1 - winner], HttpStatusCode.Conflict);
        Assert.Equal(winner == 0 ? li : wang, problem["handledBy"]!.GetValue<string>());
        Assert.Contains(problem["handledBy"]!.GetValue<string>(), problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_decision_is_recorded_under_the_signed_in_reviewer_and_an_order_not_under_review_is_a_409()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var blocked = await BlockedOrderAsync(shop, "REVIEW-V1");
        var flowing = await PushPaidOrderAsync(shop, code);
        await WaitForAsync(flowing, bookmark: "PickConfirmed");

        // A name in the body is not who acted: the signed-in reviewer is.
        var (reviewer, client) = await SignedInAsAsync("Reviewer", shops: [shop]);
        using (client)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/review/orders/{blocked}:approve", new JsonObject { ["reviewer"] = "冒名顶替" }, ServerFixture.Json)).StatusCode);
        }

        var again = await ProblemAsync(await Client.PostAsJsonAsync($"/api/review/orders/{blocked}:approve", new JsonObject(), ServerFixture.Json), HttpStatusCode.Conflict);
        Assert.Equal(reviewer, again["handledBy"]!.GetValue<string>());
        var notUnderReview = await ProblemAsync(await Client.PostAsJsonAsync($"/api/review/orders/{flowing}:approve",
            new JsonObject(), ServerFixture.Json), HttpStatusCode.Conflict);
        Assert.Equal("Not waiting for review", notUnderReview["title"]!.GetValue<string>());
        // The title names the stage in English; the code says the same for a client that words it itself.
        Assert.Equal("NotWaiting", notUnderReview["code"]!.GetValue<string>());
        await ProblemAsync(await Client.PostAsJsonAsync("/api/review/orders/999999:approve", new JsonObject(), ServerFixture.Json),
            HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task A_batch_approves_the_orders_it_can_and_reports_each_one_it_cannot_on_its_own()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var otherShop = await CreateReadyShopAsync();
        var first = await BlockedOrderAsync(shop, Unique("REVIEW-B"));
        var second = await BlockedOrderAsync(shop, Unique("REVIEW-B"));
        var flowing = await PushPaidOrderAsync(shop, code);
        await WaitForAsync(flowing, bookmark: "PickConfirmed");
        var elsewhere = await BlockedOrderAsync(otherShop, Unique("REVIEW-B"));
        var (reviewer, client) = await SignedInAsAsync("Reviewer", shops: [shop]);
        using var _ = client;

        var response = await client.PostAsJsonAsync("/api/review/orders:approve",
            new JsonObject { ["orderIds"] = new JsonArray(first, flowing, 999_999_999, elsewhere, second, first), ["note"] = "批量通过" }, ServerFixture.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var batch = (await response.Content.ReadFromJsonAsync<JsonObject>(ServerFixture.Json))!;
        Assert.Equal((2, 3), (batch["succeeded"]!.GetValue<int>(), batch["failed"]!.GetValue<int>()));
        var results = batch["results"]!.AsArray().Select(r => (r!["orderId"]!.GetValue<long>(), r["status"]!.GetValue<int>())).ToList();
        Assert.Equal([(first, 200), (flowing, 409), (999_999_999L, 404), (elsewhere, 403), (second, 200)], results);
        Assert.Equal("Not waiting for review", batch["results"]![1]!["problem"]!["title"]!.GetValue<string>());
        Assert.Equal("NotWaiting", batch["results"]![1]!["problem"]!["code"]!.GetValue<string>());
        Assert.Contains($"shop {otherShop}", batch["results"]![3]!["problem"]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var approved in new[] { first, second })
        {
            Assert.Equal("PickConfirmed", (await WaitForAsync(approved, bookmark: "PickConfirmed"))["instance"]!["waitingFor"]!.GetValue<string>());
            var decision = (await InstanceOfOrderAsync(approved))["journal"]!.AsArray()
                .Single(j => j!["activityId"]!.GetValue<string>() == "await-review" && j["event"]!.GetValue<string>() == "Completed")!["outputs"]!;
            Assert.Equal((reviewer, "批量通过"), (decision["reviewer"]!.GetValue<string>(), decision["note"]!.GetValue<string>()));
        }

        Assert.Equal("Review", (await InstanceOfOrderAsync(elsewhere))["instance"]!["waitingFor"]!.GetValue<string>());
        var again = (await (await Client.PostAsJsonAsync("/api/review/orders:approve", new JsonObject { ["orderIds"] = new JsonArray(first) }, ServerFixture.Json))
            .Content.ReadFromJsonAsync<JsonObject>(ServerFixture.Json))!["results"]![0]!;
        Assert.Equal((409, reviewer), (again["status"]!.GetValue<int>(), again["problem"]!["handledBy"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task A_batch_rejection_sets_each_order_aside_and_a_bad_batch_names_the_field()
    {
        var shop = await CreateReadyShopAsync();
        var first = await BlockedOrderAsync(shop, Unique("REVIEW-X"));
        var second = await BlockedOrderAsync(shop, Unique("REVIEW-X"));

        var response = await Client.PostAsJsonAsync("/api/review/orders:reject",
            new JsonObject { ["orderIds"] = new JsonArray(first, second), ["reason"] = "地址待核实", ["mode"] = "exception" }, ServerFixture.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonObject>(ServerFixture.Json))!["succeeded"]!.GetValue<int>());
        foreach (var order in new[] { first, second })
        {
            Assert.Equal("Exception", (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{order}", ServerFixture.Json))!["status"]!.GetValue<string>());
        }

        AssertNamesField(await ProblemAsync(await Client.PostAsJsonAsync("/api/review/orders:reject",
            new JsonObject { ["orderIds"] = new JsonArray(first) }, ServerFixture.Json), HttpStatusCode.BadRequest), "reason");
        AssertNamesField(await ProblemAsync(await Client.PostAsJsonAsync("/api/review/orders:approve",
            new JsonObject { ["orderIds"] = new JsonArray() }, ServerFixture.Json), HttpStatusCode.BadRequest), "orderIds");
        AssertNamesField(await ProblemAsync(await Client.PostAsJsonAsync("/api/review/orders:approve",
            new JsonObject { ["orderIds"] = new JsonArray(Enumerable.Range(1, 201).Select(i => (JsonNode)i).ToArray()) }, ServerFixture.Json), HttpStatusCode.BadRequest), "orderIds");
    }
}

public sealed class SqliteReviewApiTests(LifecycleSqliteFixture server) : ReviewApiTests(server), IClassFixture<LifecycleSqliteFixture>;

public sealed class PostgreSqlReviewApiTests(LifecyclePostgreSqlFixture server) : ReviewApiTests(server), IClassFixture<LifecyclePostgreSqlFixture>;
