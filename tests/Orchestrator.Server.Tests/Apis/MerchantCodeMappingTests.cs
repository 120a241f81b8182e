using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Apis;

/// <summary>
/// 映射商家编码: an unmapped code is mapped where it is found to existing goods or a combo (<c>POST /api/merchant-codes/{code}:map</c>),
/// and every order waiting on it continues; repeating is harmless, and a code that maps elsewhere is never moved.
/// </summary>
public sealed class MerchantCodeMappingTests(LifecycleSqliteFixture server) : LifecycleTestBase(server), IClassFixture<LifecycleSqliteFixture>
{
    [SkippableFact]
    public async Task Mapping_a_code_to_goods_continues_every_order_waiting_on_it_and_later_orders_map_at_intake()
    {
        var tea = Unique("TEA");
        var shop = await CreateReadyShopAsync(tea);
        var (goodsId, _, _) = await StockAsync(await WarehouseOfAsync(shop), tea);
        var code = Unique("PLAT");
        var first = await WaitingOrderAsync(shop, code.ToLowerInvariant());
        var second = await WaitingOrderAsync(shop, code);

        var answer = await MapOkAsync(code, new JsonObject { ["goodsId"] = goodsId });

        Assert.Equal(("Goods", goodsId, tea, true), (Text(answer, "kind"), answer["targetId"]!.GetValue<long>(), Text(answer, "targetCode"), answer["created"]!.GetValue<bool>()));
        Assert.Equal([first, second], answer["continued"]!.AsArray().Select(i => i!["orderId"]!.GetValue<long>()).Order());
        Assert.Empty(answer["stillWaiting"]!.AsArray());
        foreach (var orderId in new[] { first, second })
        {
            await WaitForAsync(orderId, bookmark: "PickConfirmed");
            var line = (await OrderAsync(orderId))["lines"]![0]!.AsObject();
            Assert.Equal(("Goods", tea), (Text(line, "mapping"), Text(line, "matchedMerchantCode")));
        }

        Assert.Empty((await Client.GetFromJsonAsync<JsonObject>($"/api/exceptions?kind=UnmappedSku&shopId={shop}", ServerFixture.Json))!["items"]!.AsArray());
        var trail = (await Client.GetFromJsonAsync<JsonObject>($"/api/audit?entityType=MerchantCode&entityId={code}", ServerFixture.Json))!["items"]!.AsArray();
        var created = Assert.Single(trail)!.AsObject();
        Assert.Equal(("Created", SignIn.AdminName), (Text(created, "action"), Text(created, "actor")));

        var later = await PushAsync(shop, PaidOrder(Unique("TB"), (code, 1)), HttpStatusCode.Created);
        Assert.Equal("Goods", later.Order.Lines[0].Mapping.ToString());
    }

    [SkippableFact]
    public async Task Mapping_again_to_the_same_goods_is_idempotent_and_to_anything_else_is_a_conflict()
    {
        var (tea, other) = (Unique("TEA"), Unique("CUP"));
        var shop = await CreateReadyShopAsync(tea, other);
        var warehouse = await WarehouseOfAsync(shop);
        var (goodsId, _, _) = await StockAsync(warehouse, tea);
        var (otherId, _, _) = await StockAsync(warehouse, other);
        var code = Unique("PLAT");
        var orderId = await WaitingOrderAsync(shop, code);
        Assert.Single((await MapOkAsync(code, new JsonObject { ["goodsId"] = goodsId }))["continued"]!.AsArray());

        var again = await MapOkAsync(code, new JsonObject { ["goodsId"] = goodsId });

        Assert.False(again["created"]!.GetValue<bool>());
        Assert.Empty(again["continued"]!.AsArray());
        await WaitForAsync(orderId, bookmark: "PickConfirmed");
        Assert.Single((await Client.GetFromJsonAsync<JsonObject>($"/api/audit?entityType=MerchantCode&entityId={code}", ServerFixture.Json))!["items"]!.AsArray());
        var moved = await ProblemAsync(await MapAsync(code, new JsonObject { ["goodsId"] = otherId }), HttpStatusCode.Conflict);
        Assert.Equal(("code", goodsId), (Text(moved, "field"), moved["mappedId"]!.GetValue<long>()));
        var owned = await ProblemAsync(await MapAsync(other, new JsonObject { ["goodsId"] = goodsId }), HttpStatusCode.Conflict);
        Assert.Contains("is the code of goods", Text(owned, "detail"), StringComparison.Ordinal);
        Assert.True((await MapAsync(other.ToLowerInvariant(), new JsonObject { ["goodsId"] = otherId })).IsSuccessStatusCode);
    }

    [SkippableFact]
    public async Task Unknown_goods_a_missing_target_or_both_targets_are_a_400_naming_the_field_and_map_nothing()
    {
        var shop = await CreateReadyShopAsync();
        var code = Unique("PLAT");
        var orderId = await WaitingOrderAsync(shop, code);

        AssertNamesField(await ProblemAsync(await MapAsync(code, new JsonObject { ["goodsId"] = 987_654_321 }), HttpStatusCode.BadRequest), "goodsId");
        AssertNamesField(await ProblemAsync(await MapAsync(code, new JsonObject()), HttpStatusCode.BadRequest), "goodsId");
        AssertNamesField(await ProblemAsync(await MapAsync(code, new JsonObject { ["goodsId"] = 1, ["comboId"] = 1 }), HttpStatusCode.BadRequest), "goodsId");
        AssertNamesField(await ProblemAsync(await MapAsync(code, new JsonObject { ["comboId"] = 987_654_321 }), HttpStatusCode.BadRequest), "comboId");
        AssertNamesField(await ProblemAsync(await MapAsync(new string('X', 65), new JsonObject { ["goodsId"] = 1 }), HttpStatusCode.BadRequest), "code");

        Assert.Equal("Resolved", (await InstanceOfOrderAsync(orderId))["instance"]!["waitingFor"]!.GetValue<string>());
        Assert.Empty((await Client.GetFromJsonAsync<JsonObject>($"/api/audit?entityType=MerchantCode&entityId={code}", ServerFixture.Json))!["items"]!.AsArray());
    }

    [SkippableFact]
    public async Task A_code_mapped_to_a_combo_continues_its_order_with_the_combos_goods_and_a_reviewer_may_not_map()
    {
        var tea = Unique("TEA");
        var shop = await CreateReadyShopAsync(tea);
        var combo = await CreateComboAsync(Unique("SET"), (tea, 2));
        var code = Unique("PLAT");
        var orderId = await WaitingOrderAsync(shop, code);
        var (_, reviewer) = await SignedInAsAsync("Reviewer", [shop]);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsJsonAsync($"/api/merchant-codes/{code}:map", new JsonObject { ["comboId"] = combo.Id }, ServerFixture.Json)).StatusCode);

        var answer = await MapOkAsync(code, new JsonObject { ["comboId"] = combo.Id });

        Assert.Equal(("Combo", orderId), (Text(answer, "kind"), Assert.Single(answer["continued"]!.AsArray())!["orderId"]!.GetValue<long>()));
        await WaitForAsync(orderId, bookmark: "PickConfirmed");
        var line = (await OrderAsync(orderId))["lines"]![0]!.AsObject();
        Assert.Equal(("Combo", combo.Code, 2), (Text(line, "mapping"), Text(line, "matchedMerchantCode"), line["items"]![0]!["quantity"]!.GetValue<int>()));
    }

    [SkippableFact]
    public async Task A_mapping_is_listed_and_one_removed_leaves_mapped_orders_as_they_are_and_makes_later_orders_wait_again()
    {
        var tea = Unique("TEA");
        var shop = await CreateReadyShopAsync(tea);
        var (goodsId, _, _) = await StockAsync(await WarehouseOfAsync(shop), tea);
        var code = Unique("PLAT");
        var mappedOrder = await WaitingOrderAsync(shop, code);
        await MapOkAsync(code, new JsonObject { ["goodsId"] = goodsId });
        await WaitForAsync(mappedOrder, bookmark: "PickConfirmed");

        var listed = Assert.Single((await Client.GetFromJsonAsync<JsonObject>($"/api/merchant-codes/mappings?q={code}", ServerFixture.Json))!["items"]!.AsArray())!.AsObject();
        Assert.Equal((code, "Goods", goodsId, tea), (Text(listed, "merchantCode"), Text(listed, "kind"), listed["targetId"]!.GetValue<long>(), Text(listed, "targetCode")));
        Assert.Single((await Client.GetFromJsonAsync<JsonObject>($"/api/merchant-codes/mappings?q={tea}", ServerFixture.Json))!["items"]!.AsArray());
        var id = listed["id"]!.GetValue<long>();
        var (_, reviewer) = await SignedInAsAsync("Reviewer", [shop]);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.DeleteAsync($"/api/merchant-codes/mappings/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/merchant-codes/mappings/{id}")).StatusCode);

        Assert.Empty((await Client.GetFromJsonAsync<JsonObject>($"/api/merchant-codes/mappings?q={code}", ServerFixture.Json))!["items"]!.AsArray());
        var notFound = await ProblemAsync(await Client.DeleteAsync($"/api/merchant-codes/mappings/{id}"), HttpStatusCode.NotFound);
        Assert.Contains("mapping", Text(notFound, "detail"), StringComparison.OrdinalIgnoreCase);
        var trail = (await Client.GetFromJsonAsync<JsonObject>($"/api/audit?entityType=MerchantCode&entityId={code}", ServerFixture.Json))!["items"]!.AsArray();
        Assert.Equal(["Created", "Deleted"], trail.Select(e => Text(e!.AsObject(), "action")).Order());
        Assert.Equal(("Goods", tea), (Text((await OrderAsync(mappedOrder))["lines"]![0]!.AsObject(), "mapping"), Text((await OrderAsync(mappedOrder))["lines"]![0]!.AsObject(), "matchedMerchantCode")));
        await WaitingOrderAsync(shop, code);
    }

    [SkippableFact]
    public async Task Goods_or_a_combo_may_not_take_a_code_a_mapping_sends_elsewhere_until_the_mapping_is_removed()
    {
        var tea = Unique("TEA");
        var shop = await CreateReadyShopAsync(tea);
        var (goodsId, _, _) = await StockAsync(await WarehouseOfAsync(shop), tea);
        var code = Unique("PLAT");
        await WaitingOrderAsync(shop, code);
        await MapOkAsync(code, new JsonObject { ["goodsId"] = goodsId });

        var goods = await ProblemAsync(await Client.PostAsJsonAsync("/api/goods", new JsonObject { ["merchantCode"] = code.ToLowerInvariant(), ["name"] = "新商品" }, ServerFixture.Json),
            HttpStatusCode.Conflict);
        AssertNamesField(goods, "merchantCode");
        var combo = await ProblemAsync(await Client.PostAsJsonAsync("/api/combos", new JsonObject
        {
            ["code"] = code,
            ["name"] = "新组合",
            ["items"] = new JsonArray(new JsonObject { ["merchantCode"] = tea, ["quantity"] = 1 }),
        }, ServerFixture.Json), HttpStatusCode.Conflict);
        AssertNamesField(combo, "code");

        var mapping = Assert.Single((await Client.GetFromJsonAsync<JsonObject>($"/api/merchant-codes/mappings?q={code}", ServerFixture.Json))!["items"]!.AsArray())!;
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/merchant-codes/mappings/{mapping["id"]!.GetValue<long>()}")).StatusCode);
        Assert.Equal(code, (await CreateGoodsAsync(code)).MerchantCode);
    }

    private async Task<long> WaitingOrderAsync(long shop, string code)
    {
        var orderId = (await PushAsync(shop, PaidOrder(Unique("TB"), (code, 1)), HttpStatusCode.Created)).Order.Id;
        await WaitForAsync(orderId, bookmark: "Resolved");
        return orderId;
    }

    private Task<HttpResponseMessage> MapAsync(string code, JsonObject body) =>
        Client.PostAsJsonAsync($"/api/merchant-codes/{Uri.EscapeDataString(code)}:map", body, ServerFixture.Json);

    private async Task<JsonObject> MapOkAsync(string code, JsonObject body)
    {
        var response = await MapAsync(code, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"map: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<JsonObject> OrderAsync(long orderId) =>
        (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}", ServerFixture.Json))!;

    private static string? Text(JsonObject node, string name) => node[name]?.GetValue<string>();
}
