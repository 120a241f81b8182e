using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>A warehouse's floor actions on many orders in one call (<c>floor:batch</c>): a wave picked, scanned and weighed.</summary>
public abstract class FloorBatchTests(ServerFixture server) : LifecycleTestBase(server)
{
    [SkippableFact]
    public async Task A_wave_of_orders_is_picked_scanned_and_weighed_in_batches_with_each_answer_as_the_single_call_gives_it()
    {
        var (tea, cup) = (Unique("TEA"), Unique("CUP"));
        var shop = await CreateReadyShopAsync(tea, cup);
        var warehouse = await WarehouseOfAsync(shop);
        var orders = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            orders.Add((await PushAsync(shop, PaidOrder(Unique("TB"), (tea, i + 1), (cup, 1)), HttpStatusCode.Created)).Order.Id);
        }

        foreach (var order in orders)
        {
            await WaitForAsync(order, bookmark: "PickConfirmed");
        }

        var picked = await BatchOkAsync(warehouse, orders.Select(o => Action(o, "pick:confirm")).ToArray());
        Assert.Equal((4, 0), (picked["succeeded"]!.GetValue<int>(), picked["failed"]!.GetValue<int>()));
        var scans = new List<JsonObject>();
        foreach (var result in picked["results"]!.AsArray())
        {
            Assert.Equal(200, result!["status"]!.GetValue<int>());
            var answer = result["answer"]!;
            Assert.Equal("Scanned", answer["instance"]!["waitingFor"]!.GetValue<string>());
            var lines = answer["waiting"]![0]!["payload"]!["lines"]!.AsArray();
            scans.Add(Action(result["orderId"]!.GetValue<long>(), "verify:scan", new JsonObject
            {
                ["items"] = new JsonArray([.. lines.Select(l => (JsonNode)new JsonObject { ["merchantCode"] = l!["merchantCode"]!.GetValue<string>(), ["quantity"] = l["quantity"]!.GetValue<int>() })]),
            }));
        }

        // Scan and weigh in one call: each order's actions run in the order sent.
        var shipped = await BatchOkAsync(warehouse, [.. scans.SelectMany(s => new[] { s, Action(s["orderId"]!.GetValue<long>(), "weigh", new JsonObject { ["weightKg"] = 0.8 }) })]);

        Assert.Equal((8, 0), (shipped["succeeded"]!.GetValue<int>(), shipped["failed"]!.GetValue<int>()));
        var results = shipped["results"]!.AsArray();
        Assert.Equal(Enumerable.Range(0, 8), results.Select(r => r!["index"]!.GetValue<int>()));
        foreach (var weighed in results.Where(r => r!["action"]!.GetValue<string>() == "weigh"))
        {
            var orderId = weighed!["orderId"]!.GetValue<long>();
            var order = (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}", ServerFixture.Json))!;
            Assert.Equal("Shipped", order["status"]!.GetValue<string>());
            Assert.Equal(order["trackingNumber"]!.GetValue<string>(), weighed["answer"]!["order"]!["trackingNumber"]!.GetValue<string>());
            Assert.Equal("Finished", weighed["answer"]!["instance"]!["status"]!.GetValue<string>());
        }
    }

    [SkippableFact]
    public async Task One_orders_failure_stops_its_later_actions_but_not_the_other_orders()
    {
        var (tea, other) = (Unique("TEA"), Unique("BOX"));
        var shop = await CreateReadyShopAsync(tea, other);
        var warehouse = await WarehouseOfAsync(shop);
        var good = await PushPaidOrderAsync(shop, tea);
        var early = await PushPaidOrderAsync(shop, tea);
        var badScan = await PushPaidOrderAsync(shop, tea);
        var theirs = Unique("TEA");
        var elsewhere = await PushPaidOrderAsync(await CreateReadyShopAsync(theirs), theirs);
        foreach (var order in new[] { good, early, badScan, elsewhere })
        {
            await WaitForAsync(order, bookmark: "PickConfirmed");
        }

        var batch = await BatchOkAsync(warehouse,
            Action(good, "pick:confirm"),
            Action(early, "weigh", new JsonObject { ["weightKg"] = 1 }),       // out of turn: 409
            Action(early, "pick:confirm"),                                    // not tried: 424
            Action(badScan, "pick:confirm"),
            Action(badScan, "verify:scan", new JsonObject { ["barcode"] = other }), // wrong item: 400 naming the field
            Action(elsewhere, "pick:confirm"),                                // another shop's warehouse: 404
            Action(999_999_999, "pick:confirm"),                              // no such order: 404
            Action(good, "verify:scan", new JsonObject { ["barcode"] = tea }));

        var results = batch["results"]!.AsArray();
        Assert.Equal([200, 409, 424, 200, 400, 404, 404, 200], results.Select(r => r!["status"]!.GetValue<int>()));
        Assert.Equal((3, 5), (batch["succeeded"]!.GetValue<int>(), batch["failed"]!.GetValue<int>()));
        Assert.Equal("PickConfirmed", results[1]!["problem"]!["openBookmarks"]![0]!.GetValue<string>());
        Assert.Contains("Action 1 (weigh)", results[2]!["problem"]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("barcode", results[4]!["problem"]!["field"]!.GetValue<string>());
        Assert.Equal("Order not in this warehouse", results[5]!["problem"]!["title"]!.GetValue<string>());
        Assert.Equal("Order not found", results[6]!["problem"]!["title"]!.GetValue<string>());
        Assert.Equal("Weighed", results[7]!["answer"]!["instance"]!["waitingFor"]!.GetValue<string>());

        // What failed changed nothing: the early order still waits at picking, the other warehouse's too.
        await WaitForAsync(early, bookmark: "PickConfirmed", seconds: 1);
        await WaitForAsync(elsewhere, bookmark: "PickConfirmed", seconds: 1);
        await WaitForAsync(badScan, bookmark: "Scanned", seconds: 1);
    }

    [SkippableFact]
    public async Task A_batch_that_is_not_well_formed_is_refused_naming_the_field()
    {
        var shop = await CreateReadyShopAsync();
        var warehouse = await WarehouseOfAsync(shop);

        AssertNamesField(await ProblemAsync(await PostBatchAsync(warehouse, new JsonObject { ["actions"] = new JsonArray() }), HttpStatusCode.BadRequest), "actions");
        AssertNamesField(await ProblemAsync(await PostBatchAsync(warehouse, Batch(Action(1, "pack"))), HttpStatusCode.BadRequest), "actions[0].action");
        AssertNamesField(await ProblemAsync(await PostBatchAsync(warehouse, Batch(Action(1, "weigh"), Action(0, "weigh"))), HttpStatusCode.BadRequest), "actions[1].orderId");
        AssertNamesField(await ProblemAsync(await PostBatchAsync(warehouse, Batch(Action(1, "pick:confirm", new JsonObject { ["packageId"] = "A" }))), HttpStatusCode.BadRequest),
            "actions[0].body.packageId");
        AssertNamesField(await ProblemAsync(await PostBatchAsync(warehouse, Batch(Action(1, "pick:confirm", new JsonObject { ["packageId"] = 1.5 }))), HttpStatusCode.BadRequest),
            "actions[0].body.packageId");
        AssertNamesField(await ProblemAsync(await PostBatchAsync(warehouse, Batch([.. Enumerable.Range(1, 501).Select(i => Action(i, "weigh"))])), HttpStatusCode.BadRequest), "actions");
        await ProblemAsync(await PostBatchAsync(999_999_999, Batch(Action(1, "weigh"))), HttpStatusCode.NotFound);
    }

    private static JsonObject Action(long orderId, string action, JsonObject? body = null) =>
        new() { ["orderId"] = orderId, ["action"] = action, ["body"] = body };

    private static JsonObject Batch(params JsonObject[] actions) => new() { ["actions"] = new JsonArray([.. actions]) };

    private Task<HttpResponseMessage> PostBatchAsync(long warehouse, JsonObject batch) =>
        Client.PostAsJsonAsync($"/api/warehouses/{warehouse}/floor:batch", batch, ServerFixture.Json);

    private async Task<JsonObject> BatchOkAsync(long warehouse, params JsonObject[] actions)
    {
        var response = await PostBatchAsync(warehouse, Batch(actions));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"floor:batch: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}

public sealed class SqliteFloorBatchTests(LifecycleSqliteFixture server) : FloorBatchTests(server), IClassFixture<LifecycleSqliteFixture>;

public sealed class PostgreSqlFloorBatchTests(LifecyclePostgreSqlFixture server) : FloorBatchTests(server), IClassFixture<LifecyclePostgreSqlFixture>;
