using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Audit;

/// <summary>
/// The audit trail over HTTP: workflow, rule, order and stock changes are recorded with who, when and from/to; a
/// rolled-back change leaves nothing; the workflow's routine steps leave nothing. The actor is
/// the signed-in person (the test admin unless a test signs in as someone else).
/// </summary>
public abstract class AuditTrailTests(ServerFixture server) : LifecycleTestBase(server)
{
    [SkippableFact]
    public async Task Saving_a_workflow_draft_and_publishing_it_are_audited_from_and_to()
    {
        var id = Unique("flow").ToLowerInvariant();
        var before = DateTime.UtcNow.AddSeconds(-1);
        await OkAsync(await Client.PutAsJsonAsync($"/api/workflow-definitions/{id}/draft", TestWorkflows.Valid(id, "第一版"), ServerFixture.Json));
        await OkAsync(await Client.PostAsync($"/api/workflow-definitions/{id}:publish", null));
        await OkAsync(await Client.PutAsJsonAsync($"/api/workflow-definitions/{id}/draft", TestWorkflows.Valid(id, "第二版"), ServerFixture.Json));

        var trail = await TrailAsync("WorkflowDefinition", id);

        Assert.Equal(["Created", "Updated", "Created"], trail.Select(e => e["action"]!.GetValue<string>()));
        Assert.All(trail, e => Assert.Equal(SignIn.AdminName, e["actor"]!.GetValue<string>()));
        Assert.All(trail, e => Assert.InRange(e["at"]!.GetValue<DateTime>(), before, DateTime.UtcNow.AddSeconds(1)));
        Assert.Equal(("第二版", 2), (Change(trail[0], "name")!["to"]!.GetValue<string>(), Change(trail[0], "version")!["to"]!.GetValue<int>()));
        Assert.Contains("第二版", Change(trail[0], "json")!["to"]!.GetValue<string>(), StringComparison.Ordinal);
        var publish = Change(trail[1], "state")!;
        Assert.Equal(("Draft", "Published"), (publish["from"]!.GetValue<string>(), publish["to"]!.GetValue<string>()));
        Assert.Null(Change(trail[1], "json"));
        Assert.Equal(["Version 2", "Version 1", "Version 1"], trail.Select(e => e["summary"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Editing_a_rule_records_the_rule_from_and_to()
    {
        var shop = await CreateReadyShopAsync();
        var scope = $"/api/shops/{shop}";
        await OkAsync(await Client.PostAsJsonAsync($"{scope}/rules", new JsonObject { ["version"] = 0, ["rule"] = RuleJson.Rule("big", "payment", "gt", 1000, reason: "大额", name: "大额订单") }, ServerFixture.Json));
        await OkAsync(await Client.PutAsJsonAsync($"{scope}/rules/big", new JsonObject { ["version"] = 1, ["rule"] = RuleJson.Rule("big", "payment", "gt", 5000, reason: "大额", name: "大额订单") }, ServerFixture.Json));

        var trail = await TrailAsync("RuleSet", $"Shop:{shop}");

        Assert.Equal([("Updated", "update big"), ("Created", "create big")], trail.Select(e => (e["action"]!.GetValue<string>(), e["summary"]!.GetValue<string>())));
        var edit = Change(trail[0], "rules.big")!;
        Assert.Equal(1000, edit["from"]!["when"]!["all"]![0]!["value"]!.GetValue<decimal>());
        Assert.Equal(5000, edit["to"]!["when"]!["all"]![0]!["value"]!.GetValue<decimal>());
        Assert.Equal((1, 2), (Change(trail[0], "version")!["from"]!.GetValue<int>(), Change(trail[0], "version")!["to"]!.GetValue<int>()));
        Assert.Null(Change(trail[1], "rules.big")!["from"]);
    }

    [SkippableFact]
    public async Task Editing_and_approving_at_review_records_the_reviewer_and_the_receiver_from_and_to()
    {
        var shop = await CreateReadyShopAsync();
        var orderId = await BlockedOrderAsync(shop, Unique("REVIEW"));
        Assert.Empty(await TrailAsync("SalesOrder", $"{orderId}"));

        var (li, reviewer) = await SignedInAsAsync("Reviewer", shops: [shop]);
        using var _ = reviewer;
        await OkAsync(await reviewer.PostAsJsonAsync($"/api/review/orders/{orderId}:approve", new JsonObject
        {
            ["changes"] = new JsonObject { ["receiver"] = new JsonObject { ["city"] = "宁波市", ["address"] = "天童南路588号" }, ["sellerMemo"] = "改地址已核实" },
        }, ServerFixture.Json));

        var trail = await TrailAsync("SalesOrder", $"{orderId}");
        var edit = Assert.Single(trail, e => Change(e, "receiverCity") is not null);
        Assert.Equal(li, edit["actor"]!.GetValue<string>());
        Assert.Equal(("杭州市", "宁波市"), (Change(edit, "receiverCity")!["from"]!.GetValue<string>(), Change(edit, "receiverCity")!["to"]!.GetValue<string>()));
        Assert.Equal(("文三路90号", "天童南路588号"), (Change(edit, "receiverAddress")!["from"]!.GetValue<string>(), Change(edit, "receiverAddress")!["to"]!.GetValue<string>()));
        Assert.Null(Change(edit, "sellerMemo")!["from"]);

        // A run's steps are written together at its commit (Runtime:DeferStepWrites), so the entry holds the net change
        // of what the approval committed: from the blocked order the reviewer saw to the order allocated, with no
        // intermediate status (PendingReview was never committed on its own).
        Assert.Equal(("Blocked", "Allocated"), (Change(edit, "status")!["from"]!.GetValue<string>(), Change(edit, "status")!["to"]!.GetValue<string>()));
        Assert.Null(Change(edit, "receiverName"));
        Assert.All(trail, e => Assert.Equal(li, e["actor"]!.GetValue<string>()));
        var byReviewer = (await Client.GetFromJsonAsync<JsonObject>($"/api/audit?entityType=SalesOrder&entityId={orderId}&actor={li}", ServerFixture.Json))!;
        Assert.Equal(trail.Count, byReviewer["total"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Setting_an_order_aside_and_resolving_it_are_audited_as_the_people_who_did_it()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var orderId = await PushPaidOrderAsync(shop, code);
        await WaitForAsync(orderId, bookmark: "PickConfirmed");

        var (wang, wangClient) = await SignedInAsAsync("Reviewer", shops: [shop]);
        var (li, liClient) = await SignedInAsAsync("Reviewer", shops: [shop]);
        using var a = wangClient;
        using var b = liClient;
        var raised = await wangClient.PostAsJsonAsync($"/api/orders/{orderId}/exceptions",
            new JsonObject { ["kind"] = "AddressProblem", ["detail"] = "门牌号缺失" }, ServerFixture.Json);
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var entryId = (await raised.Content.ReadFromJsonAsync<JsonObject>(ServerFixture.Json))!["id"]!.GetValue<long>();
        await OkAsync(await liClient.PostAsJsonAsync($"/api/exceptions/{entryId}:resolve", new JsonObject { ["note"] = "已补全" }, ServerFixture.Json));

        var trail = await TrailAsync("SalesOrder", $"{orderId}");

        Assert.Equal([(li, "Exception", "Picking"), (wang, "Picking", "Exception")],
            trail.Select(e => (e["actor"]!.GetValue<string>(), Change(e, "status")!["from"]!.GetValue<string>(), Change(e, "status")!["to"]!.GetValue<string>())));
        Assert.Equal("AddressProblem", Change(trail[1], "exceptionKind")!["to"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task A_platform_push_that_changes_an_order_before_review_is_audited()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var platformOrderId = Unique("TB");
        var unpaid = PaidOrder(platformOrderId, (code, 1));
        unpaid["status"] = "WAIT_BUYER_PAY";
        unpaid.Remove("payTime");
        var orderId = (await PushAsync(shop, unpaid, HttpStatusCode.Created)).Order.Id;
        var paid = PaidOrder(platformOrderId, (code, 1));
        paid["modified"] = "2026-11-11T00:05:00+08:00";
        paid["receiver"]!["address"] = "文三路100号";
        await PushAsync(shop, paid, HttpStatusCode.OK);

        var edit = Assert.Single(await TrailAsync("SalesOrder", $"{orderId}"));

        Assert.Equal((SignIn.AdminName, "Updated"), (edit["actor"]!.GetValue<string>(), edit["action"]!.GetValue<string>()));
        Assert.Equal(("文三路90号", "文三路100号"), (Change(edit, "receiverAddress")!["from"]!.GetValue<string>(), Change(edit, "receiverAddress")!["to"]!.GetValue<string>()));
        Assert.Equal(("AwaitingPayment", "PendingReview"), (Change(edit, "status")!["from"]!.GetValue<string>(), Change(edit, "status")!["to"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Stock_adjustments_stock_takes_and_transfers_record_on_hand_from_and_to_with_the_reason()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var warehouse = await WarehouseOfAsync(shop);
        var other = await CreateOtherWarehouseAsync();
        var (goodsId, _, _) = await StockAsync(warehouse, code);

        await AdjustAsync(warehouse, "报损 write-off", new JsonObject { ["merchantCode"] = code, ["delta"] = -3 });
        await AdjustAsync(warehouse, "盘点 stock-take", new JsonObject { ["merchantCode"] = code, ["onHand"] = 90 });
        await OkAsync(await Client.PostAsJsonAsync("/api/stock:transfer", new JsonObject
        {
            ["fromWarehouseId"] = warehouse,
            ["toWarehouseId"] = other,
            ["reason"] = "调拨 transfer",
            ["reference"] = "DB-1",
            ["items"] = new JsonArray(new JsonObject { ["merchantCode"] = code, ["quantity"] = 5 }),
        }, ServerFixture.Json));

        var source = await TrailAsync("StockItem", $"{warehouse}:{goodsId}");
        Assert.Equal([(90, 85, "调拨 transfer (DB-1)"), (97, 90, "盘点 stock-take"), (100, 97, "报损 write-off")],
            source.Take(3).Select(e => OnHand(e)));
        Assert.Equal(("Created", "采购入库 purchase receipt"), (source[3]["action"]!.GetValue<string>(), source[3]["summary"]!.GetValue<string>()));
        Assert.All(source, e => Assert.Equal(SignIn.AdminName, e["actor"]!.GetValue<string>()));
        var target = Assert.Single(await TrailAsync("StockItem", $"{other}:{goodsId}"));
        Assert.Equal(("Created", 5, "调拨 transfer (DB-1)"), (target["action"]!.GetValue<string>(), Change(target, "onHand")!["to"]!.GetValue<int>(),
            target["summary"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task A_low_stock_threshold_change_is_audited_on_the_goods()
    {
        var goods = await CreateGoodsAsync(Unique("TEA"));
        await OkAsync(await Client.PutAsJsonAsync($"/api/goods/{goods.Id}", new JsonObject
        {
            ["merchantCode"] = goods.MerchantCode,
            ["name"] = goods.Name,
            ["weightKg"] = 0.3,
            ["price"] = 99,
            ["version"] = goods.Version,
            ["lowStockThreshold"] = 5,
        }, ServerFixture.Json));

        var trail = await TrailAsync("Goods", $"{goods.Id}");

        Assert.Equal(["Updated", "Created"], trail.Select(e => e["action"]!.GetValue<string>()));
        var threshold = Change(trail[0], "lowStockThreshold")!;
        Assert.Equal((null, 5), (threshold["from"], threshold["to"]!.GetValue<int>()));
        Assert.Equal(goods.MerchantCode, Change(trail[1], "merchantCode")!["to"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task A_combos_items_and_a_shops_warehouse_list_are_audited_on_the_combo_and_the_shop()
    {
        var (tea, cup) = (await CreateGoodsAsync(Unique("TEA")), await CreateGoodsAsync(Unique("CUP")));
        var combo = await CreateComboAsync(Unique("SET"), (tea.MerchantCode, 1), (cup.MerchantCode, 2));
        await OkAsync(await Client.PutAsJsonAsync($"/api/combos/{combo.Id}", new JsonObject
        {
            ["code"] = combo.Code,
            ["name"] = combo.Name,
            ["isEnabled"] = true,
            ["version"] = combo.Version,
            ["items"] = new JsonArray(new JsonObject { ["merchantCode"] = tea.MerchantCode, ["quantity"] = 1 }, new JsonObject { ["merchantCode"] = cup.MerchantCode, ["quantity"] = 4 }),
        }, ServerFixture.Json));
        var shop = await CreateReadyShopAsync();
        var second = await CreateOtherWarehouseAsync();
        var shopVersion = (await Client.GetFromJsonAsync<JsonObject>($"/api/shops/{shop}", ServerFixture.Json))!["version"]!.GetValue<int>();
        await OkAsync(await Client.PutAsJsonAsync($"/api/shops/{shop}/warehouse-strategy", new JsonObject
        {
            ["allowOutOfStock"] = false,
            ["allowSplitPackages"] = true,
            ["version"] = shopVersion,
            ["warehouses"] = new JsonArray(new JsonObject { ["warehouseId"] = await WarehouseOfAsync(shop), ["priority"] = 1 }, new JsonObject { ["warehouseId"] = second, ["priority"] = 2 }),
        }, ServerFixture.Json));

        var comboTrail = await TrailAsync("Combo", $"{combo.Id}");
        var shopEdit = (await TrailAsync("Shop", $"{shop}"))[0];

        Assert.Equal(["Updated", "Created"], comboTrail.Select(e => e["action"]!.GetValue<string>()));
        var quantity = Assert.Single(comboTrail[0]["changes"]!.AsArray())!;
        Assert.Equal(($"items.{cup.Id}.quantity", 2, 4), (quantity["field"]!.GetValue<string>(), quantity["from"]!.GetValue<int>(), quantity["to"]!.GetValue<int>()));
        Assert.Equal(1, Change(comboTrail[1], $"items.{tea.Id}.quantity")!["to"]!.GetValue<int>());
        Assert.Equal(2, Change(shopEdit, $"warehouses.{second}.priority")!["to"]!.GetValue<int>());
        Assert.True(Change(shopEdit, "allowSplitPackages")!["to"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task A_transfer_that_rolls_back_leaves_no_audit_row()
    {
        var (first, second) = (Unique("TEA"), Unique("TEA"));
        var shop = await CreateReadyShopAsync(first, second);
        var warehouse = await WarehouseOfAsync(shop);
        var other = await CreateOtherWarehouseAsync();
        var (goodsId, _, _) = await StockAsync(warehouse, first);
        var before = await TrailAsync("StockItem", $"{warehouse}:{goodsId}");

        // The first item moves inside the transaction, the second is short: the whole transfer, audit included, rolls back.
        var refused = await Client.PostAsJsonAsync("/api/stock:transfer", new JsonObject
        {
            ["fromWarehouseId"] = warehouse,
            ["toWarehouseId"] = other,
            ["reason"] = "调拨 transfer",
            ["items"] = new JsonArray(new JsonObject { ["merchantCode"] = first, ["quantity"] = 5 }, new JsonObject { ["merchantCode"] = second, ["quantity"] = 500 }),
        }, ServerFixture.Json);

        AssertNamesField(await ProblemAsync(refused, HttpStatusCode.BadRequest), "items[1].quantity");
        Assert.Equal(100, (await StockAsync(warehouse, first)).OnHand);
        Assert.Equal(before.Select(e => e["id"]!.GetValue<long>()), (await TrailAsync("StockItem", $"{warehouse}:{goodsId}")).Select(e => e["id"]!.GetValue<long>()));
        Assert.Empty(await TrailAsync("StockItem", $"{other}:{goodsId}"));
    }

    [SkippableFact]
    public async Task Routine_workflow_steps_and_floor_scans_write_no_audit_rows()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var warehouse = await WarehouseOfAsync(shop);
        var (goodsId, _, _) = await StockAsync(warehouse, code);
        var stockTrail = (await TrailAsync("StockItem", $"{warehouse}:{goodsId}")).Count;
        var orderId = await PushPaidOrderAsync(shop, code);
        await WaitForAsync(orderId, bookmark: "PickConfirmed");
        await FloorOkAsync(orderId, "pick:confirm", new JsonObject { ["by"] = "拣货员A" });
        await WaitForAsync(orderId, bookmark: "Scanned");

        Assert.Equal(1, (await StockAsync(warehouse, code)).Reserved);
        Assert.Empty(await TrailAsync("SalesOrder", $"{orderId}"));
        Assert.Equal(stockTrail, (await TrailAsync("StockItem", $"{warehouse}:{goodsId}")).Count);
        var byWorkflow = (await Client.GetFromJsonAsync<JsonObject>("/api/audit?actor=workflow", ServerFixture.Json))!;
        Assert.Equal(0, byWorkflow["total"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task The_query_names_an_unknown_entity_type_and_an_id_without_a_type()
    {
        AssertNamesField(await ProblemAsync(await Client.GetAsync("/api/audit?entityType=Invoice"), HttpStatusCode.BadRequest), "entityType");
        AssertNamesField(await ProblemAsync(await Client.GetAsync("/api/audit?entityId=1"), HttpStatusCode.BadRequest), "entityId");
        AssertNamesField(await ProblemAsync(await Client.GetAsync("/api/audit?from=2026-11-23T10:00:00Z&to=2026-11-22T10:00:00Z"), HttpStatusCode.BadRequest), "to");
        AssertNamesField(await ProblemAsync(await Client.GetAsync("/api/audit?pageSize=0"), HttpStatusCode.BadRequest), "pageSize");
        var window = (await Client.GetFromJsonAsync<JsonObject>("/api/audit?entityType=shop&from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z", ServerFixture.Json))!;
        Assert.Equal(0, window["total"]!.GetValue<int>());
    }

    private async Task AdjustAsync(long warehouse, string reason, JsonObject item) =>
        await OkAsync(await Client.PostAsJsonAsync($"/api/warehouses/{warehouse}/stock:adjust", new JsonObject { ["reason"] = reason, ["items"] = new JsonArray(item) },
            ServerFixture.Json));

    /// <summary>The record's whole trail, newest first.</summary>
    [SkippableFact]
    public async Task Platforms_carriers_and_stock_sync_settings_are_audited_from_and_to()
    {
        var platform = (await Client.GetFromJsonAsync<JsonObject>("/api/platforms?pageSize=200", ServerFixture.Json))!["items"]!.AsArray()
            .Select(p => p!.AsObject()).Single(p => p["code"]!.GetValue<string>() == "aliexpress");
        var platformId = platform["id"]!.GetValue<long>();
        await OkAsync(await Client.PutAsJsonAsync($"/api/platforms/{platformId}", new JsonObject
        {
            ["code"] = "aliexpress",
            ["name"] = "速卖通 AliExpress",
            ["version"] = platform["version"]!.GetValue<int>(),
        }, ServerFixture.Json));
        var platformTrail = await TrailAsync("Platform", $"{platformId}");
        Assert.Equal(["Updated", "Created"], platformTrail.Select(e => e["action"]!.GetValue<string>()));
        Assert.Equal("system", platformTrail[1]["actor"]!.GetValue<string>());
        var renamed = platformTrail[0];
        Assert.Equal((platform["name"]!.GetValue<string>(), "速卖通 AliExpress"), (Change(renamed, "name")!["from"]!.GetValue<string>(), Change(renamed, "name")!["to"]!.GetValue<string>()));

        var carrier = await PostCreatedAsync("/api/logistics-companies", new JsonObject
        {
            ["code"] = Unique("YTO"),
            ["name"] = "圆通速递",
            ["platformLogisticsCode"] = "YTO",
            ["waybillProvider"] = "Cainiao",
        });
        var read = (await Client.GetFromJsonAsync<JsonObject>($"/api/logistics-companies/{carrier}", ServerFixture.Json))!;
        read["name"] = "圆通快递";
        await OkAsync(await Client.PutAsJsonAsync($"/api/logistics-companies/{carrier}", read, ServerFixture.Json));
        var carrierTrail = await TrailAsync("LogisticsCompany", $"{carrier}");
        Assert.Equal(["Updated", "Created"], carrierTrail.Select(e => e["action"]!.GetValue<string>()));
        Assert.Equal("圆通快递", Change(carrierTrail[0], "name")!["to"]!.GetValue<string>());

        var shop = await CreateReadyShopAsync();
        await OkAsync(await Client.PutAsJsonAsync($"/api/shops/{shop}/stock-sync", new JsonObject { ["enabled"] = true, ["ratio"] = 0.8, ["minimumQuantity"] = 2 }, ServerFixture.Json));
        await OkAsync(await Client.PutAsJsonAsync($"/api/shops/{shop}/stock-sync", new JsonObject { ["enabled"] = true, ["ratio"] = 0.5, ["minimumQuantity"] = 2 }, ServerFixture.Json));
        var sync = await TrailAsync("StockSyncSettings", $"{shop}");
        Assert.Equal((0.8m, 0.5m), (Change(sync[0], "ratio")!["from"]!.GetValue<decimal>(), Change(sync[0], "ratio")!["to"]!.GetValue<decimal>()));
        Assert.All(sync, e => Assert.Equal(SignIn.AdminName, e["actor"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task People_and_integration_keys_are_audited_without_their_secrets()
    {
        var shop = await CreateReadyShopAsync();
        var name = await CreateUserAsync("Reviewer", shops: [shop]);
        var users = (await Client.GetFromJsonAsync<JsonArray>("/api/users", ServerFixture.Json))!;
        var id = users.Single(u => u!["userName"]!.GetValue<string>() == name)!["id"]!.GetValue<long>();
        await OkAsync(await Client.PutAsJsonAsync($"/api/users/{id}", new JsonObject { ["roles"] = new JsonArray("Reviewer"), ["disabled"] = true }, ServerFixture.Json));

        var user = await TrailAsync("User", $"{id}");
        Assert.Contains(user, e => e["action"]!.GetValue<string>() == "Created" && Change(e, "userName")?["to"]?.GetValue<string>() == name);
        Assert.Contains(user, e => Change(e, $"orchestrator:shop.{shop}") is not null);
        Assert.Contains(user, e => Change(e, "disabled")?["to"]?.GetValue<bool>() == true);
        Assert.All(user, e => Assert.Equal(SignIn.AdminName, e["actor"]!.GetValue<string>()));
        Assert.DoesNotContain("passwordHash", string.Concat(user.Select(e => e.ToJsonString())), StringComparison.OrdinalIgnoreCase);

        var created = await Client.PostAsJsonAsync($"/api/shops/{shop}/api-keys", new JsonObject { ["name"] = "erp" }, ServerFixture.Json);
        var key = (await created.Content.ReadFromJsonAsync<JsonObject>(ServerFixture.Json))!;
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/shops/{shop}/api-keys/{key["id"]}")).StatusCode);
        var keyTrail = await TrailAsync("ApiKey", $"{key["id"]}");
        Assert.Equal(["Updated", "Created"], keyTrail.Select(e => e["action"]!.GetValue<string>()));
        Assert.NotNull(Change(keyTrail[0], "revokedAt"));
        Assert.DoesNotContain(key["key"]!.GetValue<string>()[12..], string.Concat(keyTrail.Select(e => e.ToJsonString())), StringComparison.Ordinal);
    }

    private async Task<List<JsonObject>> TrailAsync(string entityType, string entityId)
    {
        var page = (await Client.GetFromJsonAsync<JsonObject>($"/api/audit?entityType={entityType}&entityId={Uri.EscapeDataString(entityId)}&pageSize=200",
            ServerFixture.Json))!;
        return page["items"]!.AsArray().Select(e => e!.AsObject()).ToList();
    }

    private static JsonObject? Change(JsonObject entry, string field) =>
        entry["changes"]!.AsArray().FirstOrDefault(c => c!["field"]!.GetValue<string>() == field)?.AsObject();

    private static (int From, int To, string Summary) OnHand(JsonObject entry) =>
        (Change(entry, "onHand")!["from"]!.GetValue<int>(), Change(entry, "onHand")!["to"]!.GetValue<int>(), entry["summary"]!.GetValue<string>());

    private static async Task OkAsync(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.RequestUri}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
}

public sealed class SqliteAuditTrailTests(LifecycleSqliteFixture server) : AuditTrailTests(server), IClassFixture<LifecycleSqliteFixture>;

public sealed class PostgreSqlAuditTrailTests(LifecyclePostgreSqlFixture server) : AuditTrailTests(server), IClassFixture<LifecyclePostgreSqlFixture>;
