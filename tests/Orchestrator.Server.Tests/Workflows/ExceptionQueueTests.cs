using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>The exception queue (异常队列): any stage sets an order aside with a kind; resolving returns it to the stage it left.</summary>
public abstract class ExceptionQueueTests(ServerFixture server) : LifecycleTestBase(server)
{
    [SkippableFact]
    public async Task An_order_set_aside_at_picking_takes_no_floor_action_until_resolved_and_then_goes_on_from_picking()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var orderId = await PushPaidOrderAsync(shop, code);
        await WaitForAsync(orderId, bookmark: "PickConfirmed");

        var entry = await RaiseAsync(orderId, "AddressProblem", "门牌号缺失", "客服小李");

        Assert.Equal(("AddressProblem", "pick", "Hold", "Exception"), (Text(entry, "kind"), Text(entry, "stage"), Text(entry, "source"), Text(entry, "orderStatus")));
        var held = await ProblemAsync(await Client.PostAsJsonAsync($"/api/orders/{orderId}/pick:confirm", new JsonObject(), ServerFixture.Json), HttpStatusCode.Conflict);
        Assert.Equal("Order is in the exception queue", held["title"]!.GetValue<string>());
        Assert.Equal("OnHold", held["code"]!.GetValue<string>());
        Assert.Contains("on hold", held["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var again = await ProblemAsync(await RaisePostAsync(orderId, "RefundRequested", "买家申请退款", "客服小王"), HttpStatusCode.Conflict);
        Assert.Equal(entry["id"]!.GetValue<long>(), again["entryId"]!.GetValue<long>());
        var queue = (await Client.GetFromJsonAsync<JsonObject>($"/api/exceptions?kind=AddressProblem&shopId={shop}", ServerFixture.Json))!;
        Assert.Equal([orderId], queue["items"]!.AsArray().Select(i => i!["orderId"]!.GetValue<long>()));
        var instance = (await InstanceOfOrderAsync(orderId))["instance"]!;
        Assert.Contains("门牌号缺失", Text(instance, "blockedReason"), StringComparison.Ordinal);

        var resolved = await ResolveAsync(entry, new JsonObject { ["by"] = "客服小李", ["note"] = "已联系买家补全地址" });

        Assert.Equal((SignIn.AdminName, "已联系买家补全地址", "Picking"), (Text(resolved, "resolvedBy"), Text(resolved, "resolution"), Text(resolved, "orderStatus")));
        var order = (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}", ServerFixture.Json))!;
        Assert.Equal("None", Text(order, "exceptionKind"));
        var picked = await Client.PostAsJsonAsync($"/api/orders/{orderId}/pick:confirm", new JsonObject { ["by"] = "拣货员A" }, ServerFixture.Json);
        Assert.Equal(HttpStatusCode.OK, picked.StatusCode);
        var twice = await ProblemAsync(await ResolvePostAsync(entry, new JsonObject { ["by"] = "客服小王" }), HttpStatusCode.Conflict);
        Assert.Equal(SignIn.AdminName, twice["handledBy"]!.GetValue<string>());
        var steps = Steps(await InstanceOfOrderAsync(orderId)).ToList();
        Assert.True(steps.IndexOf("pick:Held") < steps.IndexOf("pick:Released"), string.Join(", ", steps));
        var history = (await Client.GetFromJsonAsync<JsonArray>($"/api/orders/{orderId}/exceptions", ServerFixture.Json))!;
        Assert.Single(history);
    }

    [SkippableFact]
    public async Task Bad_requests_name_the_field_and_stay_out_of_the_queue()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var orderId = await PushPaidOrderAsync(shop, code);
        await WaitForAsync(orderId, bookmark: "PickConfirmed");

        AssertNamesField(await ProblemAsync(await RaisePostAsync(orderId, "Shredded", null, "x"), HttpStatusCode.BadRequest), "kind");
        AssertNamesField(await ProblemAsync(await RaisePostAsync(orderId, "PlatformError", new string('长', 2100), null), HttpStatusCode.BadRequest), "detail");
        AssertNamesField(await ProblemAsync(await Client.GetAsync("/api/exceptions?state=later"), HttpStatusCode.BadRequest), "state");
        await ProblemAsync(await RaisePostAsync(999_999_999, "Other", null, "x"), HttpStatusCode.NotFound);
        await ProblemAsync(await Client.PostAsJsonAsync("/api/exceptions/999999999:resolve", new JsonObject { ["by"] = "x" }, ServerFixture.Json), HttpStatusCode.NotFound);
        Assert.Empty((await Client.GetFromJsonAsync<JsonArray>($"/api/orders/{orderId}/exceptions", ServerFixture.Json))!);
        Assert.Equal("Picking", Text((await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}", ServerFixture.Json))!, "status"));
    }

    [SkippableFact]
    public async Task An_order_the_reviewer_set_aside_is_queued_by_the_workflow_and_resolving_sends_it_back_to_review()
    {
        var shop = await CreateReadyShopAsync();
        var orderId = await BlockedOrderAsync(shop, Unique("REVIEW"));
        var aside = await Client.PostAsJsonAsync($"/api/review/orders/{orderId}:reject",
            new JsonObject { ["reviewer"] = "客服小李", ["reason"] = "编码待补", ["mode"] = "exception" }, ServerFixture.Json);
        Assert.Equal(HttpStatusCode.OK, aside.StatusCode);
        await WaitForAsync(orderId, bookmark: "Resolved");

        var entry = (await Client.GetFromJsonAsync<JsonArray>($"/api/orders/{orderId}/exceptions", ServerFixture.Json))!.Single()!.AsObject();
        Assert.Equal(("Workflow", "review-exception"), (Text(entry, "source"), Text(entry, "stage")));
        Assert.Null(entry["resolvedAt"]);

        var resolved = await ResolveAsync(entry, new JsonObject { ["by"] = "客服小王", ["note"] = "已补编码, 重新审核" });

        Assert.Equal(SignIn.AdminName, Text(resolved, "resolvedBy"));
        var back = await WaitForAsync(orderId, bookmark: "Review");
        Assert.Contains("review-exception:Completed:Done", Steps(back));
        Assert.Equal(2, Steps(back).Count(s => s.StartsWith("review:Completed", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task An_out_of_stock_wait_is_in_the_queue_and_a_receipt_resolves_it()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var warehouse = await WarehouseOfAsync(shop);
        await AdjustStockAsync(warehouse, -100, code);
        var orderId = await PushPaidOrderAsync(shop, code);
        await WaitForAsync(orderId, bookmark: "StockAvailable");

        var open = (await Client.GetFromJsonAsync<JsonObject>($"/api/exceptions?kind=OutOfStock&shopId={shop}", ServerFixture.Json))!["items"]!.AsArray();
        Assert.Equal((orderId, "await-stock"), (open.Single()!["orderId"]!.GetValue<long>(), Text(open.Single()!, "stage")));

        await AdjustStockAsync(warehouse, 5, code);

        await WaitForAsync(orderId, bookmark: "PickConfirmed");
        var entry = (await Client.GetFromJsonAsync<JsonArray>($"/api/orders/{orderId}/exceptions", ServerFixture.Json))!.Single()!;
        Assert.Equal("In stock again.", Text(entry, "resolution"));
        Assert.Empty((await Client.GetFromJsonAsync<JsonObject>($"/api/exceptions?shopId={shop}", ServerFixture.Json))!["items"]!.AsArray());
    }

    [SkippableFact]
    public async Task A_new_address_pushed_after_review_holds_the_order_at_its_stage_as_an_address_problem()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var platformOrderId = Unique("TB");
        var order = PaidOrder(platformOrderId, (code, 1));
        var orderId = (await PushAsync(shop, order, HttpStatusCode.Created)).Order.Id;
        await WaitForAsync(orderId, bookmark: "PickConfirmed");

        order["receiver"]!["address"] = "文二路100号";
        order["modified"] = DateTimeOffset.Parse(order["modified"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).AddMinutes(5).ToString("O");
        var flagged = await PostOrderAsync(shop, order);
        Assert.Equal(HttpStatusCode.OK, flagged.StatusCode);

        var entry = await WaitForEntryAsync(orderId);
        Assert.Equal(("AddressProblem", "platform", "pick"), (Text(entry, "kind"), Text(entry, "raisedBy"), Text(entry, "stage")));
        Assert.Contains("文二路100号", Text(entry, "detail"), StringComparison.Ordinal);
        await ProblemAsync(await Client.PostAsJsonAsync($"/api/orders/{orderId}/pick:confirm", new JsonObject(), ServerFixture.Json), HttpStatusCode.Conflict);
    }

    [SkippableFact]
    public async Task Resolving_by_cancelling_cancels_the_order_and_gives_back_its_stock()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var warehouse = await WarehouseOfAsync(shop);
        var orderId = await PushPaidOrderAsync(shop, code);
        await WaitForAsync(orderId, bookmark: "PickConfirmed");
        var entry = await RaiseAsync(orderId, "RefundRequested", "买家申请仅退款", "客服小李");

        var resolved = await ResolveAsync(entry, new JsonObject { ["by"] = "客服主管", ["note"] = "同意退款", ["cancelOrder"] = true });

        Assert.Equal((SignIn.AdminName, "Cancelled"), (Text(resolved, "resolvedBy"), Text(resolved, "orderStatus")));
        Assert.Equal("Cancelled", Text((await InstanceOfOrderAsync(orderId))["instance"]!, "status"));
        var stock = (await Client.GetFromJsonAsync<JsonObject>($"/api/stock?warehouseId={warehouse}&merchantCode={code}", ServerFixture.Json))!;
        Assert.Equal(0, stock["items"]![0]!["reserved"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task A_batch_resolves_the_entries_it_can_and_reports_each_one_it_cannot_on_its_own()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var otherCode = Unique("TEA");
        var otherShop = await CreateReadyShopAsync(otherCode);
        var entries = new List<JsonObject>();
        foreach (var (s, c) in new[] { (shop, code), (shop, code), (shop, code), (otherShop, otherCode) })
        {
            var orderId = await PushPaidOrderAsync(s, c);
            await WaitForAsync(orderId, bookmark: "PickConfirmed");
            entries.Add(await RaiseAsync(orderId, "AddressProblem", "门牌号缺失", "客服小李"));
        }

        var done = entries[2];
        await ResolveAsync(done, new JsonObject { ["note"] = "先处理了" });
        var (reviewer, client) = await SignedInAsAsync("Reviewer", shops: [shop]);
        using var _ = client;
        var ids = entries.Select(e => e["id"]!.GetValue<long>()).ToList();

        var response = await client.PostAsJsonAsync("/api/exceptions:resolve",
            new JsonObject { ["entryIds"] = new JsonArray(ids[0], ids[2], ids[3], 999_999_999, ids[1]), ["note"] = "已批量补全地址" }, ServerFixture.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var batch = (await response.Content.ReadFromJsonAsync<JsonObject>(ServerFixture.Json))!;
        Assert.Equal((2, 3), (batch["succeeded"]!.GetValue<int>(), batch["failed"]!.GetValue<int>()));
        var results = batch["results"]!.AsArray().Select(r => (r!["entryId"]!.GetValue<long>(), r["status"]!.GetValue<int>())).ToList();
        Assert.Equal([(ids[0], 200), (ids[2], 409), (ids[3], 403), (999_999_999L, 404), (ids[1], 200)], results);
        Assert.Equal(SignIn.AdminName, batch["results"]![1]!["problem"]!["handledBy"]!.GetValue<string>());
        var resolved = batch["results"]![0]!["entry"]!;
        Assert.Equal((reviewer, "已批量补全地址", "Picking"), (Text(resolved, "resolvedBy"), Text(resolved, "resolution"), Text(resolved, "orderStatus")));
        foreach (var entry in new[] { entries[0], entries[1] })
        {
            var orderId = entry["orderId"]!.GetValue<long>();
            Assert.Equal("Picking", Text((await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}", ServerFixture.Json))!, "status"));
            var trail = (await Client.GetFromJsonAsync<JsonObject>($"/api/audit?entityType=SalesOrder&entityId={orderId}&actor={reviewer}", ServerFixture.Json))!;
            Assert.Equal(1, trail["total"]!.GetValue<int>());
        }

        Assert.Equal("Exception", Text((await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{entries[3]["orderId"]}", ServerFixture.Json))!, "status"));
        AssertNamesField(await ProblemAsync(await Client.PostAsJsonAsync("/api/exceptions:resolve", new JsonObject { ["entryIds"] = new JsonArray() }, ServerFixture.Json),
            HttpStatusCode.BadRequest), "entryIds");
    }

    private static string Text(JsonNode node, string field) => node[field]?.GetValue<string>() ?? "";

    private Task<HttpResponseMessage> RaisePostAsync(long orderId, string? kind, string? detail, string? by) =>
        Client.PostAsJsonAsync($"/api/orders/{orderId}/exceptions", new JsonObject { ["kind"] = kind, ["detail"] = detail, ["by"] = by }, ServerFixture.Json);

    private async Task<JsonObject> RaiseAsync(long orderId, string kind, string detail, string by)
    {
        var response = await RaisePostAsync(orderId, kind, detail, by);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"raise: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private Task<HttpResponseMessage> ResolvePostAsync(JsonObject entry, JsonObject body) =>
        Client.PostAsJsonAsync($"/api/exceptions/{entry["id"]!.GetValue<long>()}:resolve", body, ServerFixture.Json);

    private async Task<JsonObject> ResolveAsync(JsonObject entry, JsonObject body)
    {
        var response = await ResolvePostAsync(entry, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"resolve: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<JsonObject> WaitForEntryAsync(long orderId)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(50))
        {
            var entries = (await Client.GetFromJsonAsync<JsonArray>($"/api/orders/{orderId}/exceptions", ServerFixture.Json))!;
            if (entries.Count > 0)
            {
                return entries[0]!.AsObject();
            }
        }

        throw new TimeoutException($"Order {orderId} never reached the exception queue.");
    }
}

public sealed class SqliteExceptionQueueTests(LifecycleSqliteFixture server) : ExceptionQueueTests(server), IClassFixture<LifecycleSqliteFixture>;

public sealed class PostgreSqlExceptionQueueTests(LifecyclePostgreSqlFixture server) : ExceptionQueueTests(server), IClassFixture<LifecyclePostgreSqlFixture>;
