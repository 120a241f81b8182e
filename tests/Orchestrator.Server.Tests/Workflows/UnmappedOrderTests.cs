using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>
/// An order whose merchant code maps to nothing waits in one place, the exception queue as UnmappedSku (not the review
/// inbox), and continues once the code is added to goods or a combo and the waiting orders are re-mapped.
/// </summary>
public sealed class UnmappedOrderTests(LifecycleSqliteFixture server) : LifecycleTestBase(server), IClassFixture<LifecycleSqliteFixture>
{
    [SkippableFact]
    public async Task An_unmapped_order_waits_in_the_exception_queue_not_the_inbox_and_continues_once_its_code_is_added_and_remapped()
    {
        var shop = await CreateReadyShopAsync();
        var code = Unique("NEW");
        var pushed = await PushAsync(shop, PaidOrder(Unique("TB"), (code, 1), (code, 2)), HttpStatusCode.Created);
        Assert.Equal(("Exception", "UnmappedSku"), (pushed.Order.Status.ToString(), pushed.Order.ExceptionKind.ToString()));
        var orderId = pushed.Order.Id;

        await WaitForAsync(orderId, bookmark: "Resolved");
        var order = await OrderAsync(orderId);
        Assert.Equal(("Exception", "UnmappedSku"), (Text(order, "status"), Text(order, "exceptionKind")));
        Assert.Null(order["blockReason"]);
        Assert.Equal(1, Occurrences(Text(order, "exceptionDetail")!, code));
        var entry = Assert.Single(await UnmappedEntriesAsync(shop))!.AsObject();
        Assert.Equal((orderId, "review-exception", "Exception"), (entry["orderId"]!.GetValue<long>(), Text(entry, "stage"), Text(entry, "orderStatus")));
        Assert.Equal([code], entry["waitingOnCodes"]!.AsArray().Select(c => c!.GetValue<string>()));
        var single = (await Client.GetFromJsonAsync<JsonObject>($"/api/exceptions/{entry["id"]}", ServerFixture.Json))!;
        Assert.Equal([code], single["waitingOnCodes"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Empty((await Client.GetFromJsonAsync<JsonObject>($"/api/review/queue?shopId={shop}", ServerFixture.Json))!["items"]!.AsArray());
        var test = await Client.PostAsJsonAsync($"/api/shops/{shop}/rules:test", new JsonObject { ["orderId"] = orderId }, ServerFixture.Json);
        var evaluation = (await test.Content.ReadFromJsonAsync<JsonObject>(ServerFixture.Json))!;
        Assert.Equal("RouteToException", Text(evaluation, "decision"));
        Assert.True(evaluation["facts"]!["hasUnmappedSku"]!.GetValue<bool>());

        // Nothing maps it yet: re-mapping leaves it waiting and says on which code.
        var early = await RemapAsync(new JsonObject { ["merchantCode"] = code });
        var waiting = Assert.Single(early["stillWaiting"]!.AsArray())!;
        Assert.Equal([code], waiting["stillUnmapped"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Empty(early["continued"]!.AsArray());

        var goods = await Client.PostAsJsonAsync("/api/goods", new JsonObject { ["merchantCode"] = code.ToLowerInvariant(), ["name"] = "新品", ["weightKg"] = 0.3, ["price"] = 99 },
            ServerFixture.Json);
        Assert.Equal(HttpStatusCode.Created, goods.StatusCode);
        Assert.Equal(1, (await goods.Content.ReadFromJsonAsync<JsonObject>(ServerFixture.Json))!["ordersWaitingOnCode"]!.GetValue<int>());
        Assert.Empty(Assert.Single(await UnmappedEntriesAsync(shop))!["waitingOnCodes"]!.AsArray());
        await AdjustStockAsync(await WarehouseOfAsync(shop), 100, code.ToLowerInvariant());

        var remapped = await RemapAsync(new JsonObject { ["merchantCode"] = code });

        Assert.Equal(orderId, Assert.Single(remapped["continued"]!.AsArray())!["orderId"]!.GetValue<long>());
        await WaitForAsync(orderId, bookmark: "PickConfirmed");
        order = await OrderAsync(orderId);
        Assert.False(order["hasUnmappedSku"]!.GetValue<bool>());
        Assert.Equal("None", Text(order, "exceptionKind"));
        Assert.All(order["lines"]!.AsArray(), l => Assert.Equal(("Goods", code, code.ToLowerInvariant()),
            (Text(l!.AsObject(), "mapping"), Text(l.AsObject(), "merchantCode"), Text(l.AsObject(), "matchedMerchantCode"))));
        Assert.Empty(await UnmappedEntriesAsync(shop));
        var history = Assert.Single((await Client.GetFromJsonAsync<JsonArray>($"/api/orders/{orderId}/exceptions", ServerFixture.Json))!)!.AsObject();
        Assert.Contains("Re-mapped", Text(history, "resolution"), StringComparison.Ordinal);
        Assert.Null(history["waitingOnCodes"]);
    }

    [SkippableFact]
    public async Task A_combo_added_for_the_code_is_counted_in_its_answer_and_remapping_all_continues_only_orders_whose_codes_all_map()
    {
        var tea = Unique("TEA");
        var shop = await CreateReadyShopAsync(tea);
        var (combo, other) = (Unique("SET"), Unique("GONE"));
        var whole = (await PushAsync(shop, PaidOrder(Unique("TB"), (combo, 1)), HttpStatusCode.Created)).Order.Id;
        var half = (await PushAsync(shop, PaidOrder(Unique("TB"), (combo, 1), (other, 1)), HttpStatusCode.Created)).Order.Id;
        await WaitForAsync(whole, bookmark: "Resolved");
        await WaitForAsync(half, bookmark: "Resolved");

        var created = await Client.PostAsJsonAsync("/api/combos", new JsonObject
        {
            ["code"] = combo,
            ["name"] = "套餐",
            ["items"] = new JsonArray(new JsonObject { ["merchantCode"] = tea, ["quantity"] = 2 }),
        }, ServerFixture.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(2, (await created.Content.ReadFromJsonAsync<JsonObject>(ServerFixture.Json))!["ordersWaitingOnCode"]!.GetValue<int>());

        var remapped = await RemapAsync(new JsonObject { ["shopId"] = shop });

        Assert.Equal([whole], remapped["continued"]!.AsArray().Select(i => i!["orderId"]!.GetValue<long>()));
        var stays = Assert.Single(remapped["stillWaiting"]!.AsArray())!;
        Assert.Equal((half, other), (stays["orderId"]!.GetValue<long>(), Assert.Single(stays["stillUnmapped"]!.AsArray())!.GetValue<string>()));
        await WaitForAsync(whole, bookmark: "PickConfirmed");
        Assert.Equal(2, (await OrderAsync(whole))["lines"]![0]!["items"]![0]!["quantity"]!.GetValue<int>());
        var left = Assert.Single(await UnmappedEntriesAsync(shop))!;
        Assert.Equal(half, left["orderId"]!.GetValue<long>());
        Assert.Equal([other], left["waitingOnCodes"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("Resolved", (await InstanceOfOrderAsync(half))["instance"]!["waitingFor"]!.GetValue<string>());
    }

    private async Task<JsonObject> OrderAsync(long orderId) =>
        (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}", ServerFixture.Json))!;

    private async Task<JsonArray> UnmappedEntriesAsync(long shop) =>
        (await Client.GetFromJsonAsync<JsonObject>($"/api/exceptions?kind=UnmappedSku&shopId={shop}", ServerFixture.Json))!["items"]!.AsArray();

    private async Task<JsonObject> RemapAsync(JsonObject request)
    {
        var response = await Client.PostAsJsonAsync("/api/exceptions:remap", request, ServerFixture.Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"remap: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static string? Text(JsonObject node, string name) => node[name]?.GetValue<string>();

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
