using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>Set-up and waits for tests that drive orders through the workflow runtime over HTTP.</summary>
public abstract class LifecycleTestBase(ServerFixture server) : ApiTestBase(server)
{
    /// <summary>Imports a workflow definition and publishes it, as the designer's import does; a refusal fails the test with the server's answer.</summary>
    protected async Task PublishWorkflowAsync(JsonObject workflow)
    {
        var imported = await Client.PostAsJsonAsync("/api/workflow-definitions:import?publish=true", workflow, ServerFixture.Json);
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
    }

    /// <summary>A connection of a flowchart, from an activity's port to another activity.</summary>
    protected static JsonObject Link(string from, string port, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = to },
    };

    /// <summary>A shop with a warehouse and a carrier, so every lifecycle step can run; plus goods for <paramref name="merchantCodes"/>.</summary>
    protected Task<long> CreateReadyShopAsync(params string[] merchantCodes) => CreatePinnedShopAsync(null, merchantCodes);

    /// <summary>As above, with the shop pinned to <paramref name="workflowDefinitionId"/> when given.</summary>
    protected Task<long> CreatePinnedShopAsync(string? workflowDefinitionId, params string[] merchantCodes) =>
        CreateShopAsync(Unique("shop"), workflowDefinitionId, merchantCodes);

    /// <summary>A ready shop with a code the test chose, e.g. one configuration connects to a platform.</summary>
    protected Task<long> CreateConnectedShopAsync(string shopCode, params string[] merchantCodes) => CreateShopAsync(shopCode, null, merchantCodes);

    /// <summary>As above, on another platform than Taobao (e.g. <c>jd</c>, which picks JD's adapter).</summary>
    protected Task<long> CreateConnectedShopOnAsync(string platform, string shopCode, params string[] merchantCodes) =>
        CreateShopAsync(shopCode, null, merchantCodes, platform);

    private async Task<long> CreateShopAsync(string shopCode, string? workflowDefinitionId, string[] merchantCodes, string platform = "taobao")
    {
        var warehouse = await PostCreatedAsync("/api/warehouses", new JsonObject
        {
            ["code"] = Unique("WH"),
            ["name"] = "杭州仓",
            ["province"] = "浙江省",
            ["city"] = "杭州市",
            ["address"] = "文一西路1号",
            ["contactName"] = "王仓管",
            ["contactPhone"] = "13800000001",
        });
        var carrier = await PostCreatedAsync("/api/logistics-companies", new JsonObject
        {
            ["code"] = "SF",
            ["name"] = "顺丰速运",
            ["platformLogisticsCode"] = "SF",
            ["waybillProvider"] = "SF",
        }, allowExisting: true);
        var shop = await PostCreatedAsync("/api/shops", new JsonObject
        {
            ["code"] = shopCode,
            ["name"] = "测试店铺",
            ["platform"] = platform,
            ["defaultWarehouseId"] = warehouse,
            ["defaultLogisticsCompanyId"] = carrier,
            ["workflowDefinitionId"] = workflowDefinitionId,
        });
        foreach (var code in merchantCodes)
        {
            await CreateGoodsAsync(code);
        }

        if (merchantCodes.Length > 0)
        {
            await AdjustStockAsync(warehouse, 100, merchantCodes);
        }

        return shop;
    }

    /// <summary>Changes on-hand stock by <paramref name="delta"/> for each code, as a receipt would.</summary>
    protected async Task<JsonObject> AdjustStockAsync(long warehouseId, int delta, params string[] merchantCodes)
    {
        var response = await Client.PostAsJsonAsync($"/api/warehouses/{warehouseId}/stock:adjust", new JsonObject
        {
            ["reason"] = "采购入库 purchase receipt",
            ["items"] = new JsonArray(merchantCodes.Select(c => (JsonNode)new JsonObject { ["merchantCode"] = c, ["delta"] = delta }).ToArray()),
        }, ServerFixture.Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"stock:adjust: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Turns stock sync on for the shop with <paramref name="ratio"/> and <paramref name="minimum"/>, and adds <paramref name="codes"/> to it.</summary>
    protected async Task EnableStockSyncAsync(long shop, decimal ratio, int minimum, params string[] codes)
    {
        var settings = await Client.PutAsJsonAsync($"/api/shops/{shop}/stock-sync", new JsonObject { ["enabled"] = true, ["ratio"] = ratio, ["minimumQuantity"] = minimum }, ServerFixture.Json);
        Assert.True(settings.StatusCode == HttpStatusCode.OK, await settings.Content.ReadAsStringAsync());
        var items = await Client.PostAsJsonAsync($"/api/shops/{shop}/stock-sync/items", new JsonObject { ["merchantCodes"] = new JsonArray(codes.Select(c => (JsonNode)c).ToArray()) }, ServerFixture.Json);
        Assert.True(items.StatusCode == HttpStatusCode.OK, await items.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Moves <paramref name="merchantCodes"/> from the shop's default warehouse to a second one (5 each), second in its
    /// strategy, and sets whether the shop splits packages (拆单): an order of goods from both has no one warehouse.
    /// </summary>
    protected async Task<long> AddSecondWarehouseAsync(long shopId, bool allowSplitPackages, params string[] merchantCodes)
    {
        var first = await WarehouseOfAsync(shopId);
        var second = await CreateOtherWarehouseAsync();
        await AdjustStockAsync(first, -100, merchantCodes);
        await AdjustStockAsync(second, 5, merchantCodes);
        var version = (await Client.GetFromJsonAsync<JsonObject>($"/api/shops/{shopId}", ServerFixture.Json))!["version"]!.GetValue<int>();
        var strategy = await Client.PutAsJsonAsync($"/api/shops/{shopId}/warehouse-strategy", new JsonObject
        {
            ["allowOutOfStock"] = false,
            ["allowSplitPackages"] = allowSplitPackages,
            ["version"] = version,
            ["warehouses"] = new JsonArray(new JsonObject { ["warehouseId"] = first, ["priority"] = 1 }, new JsonObject { ["warehouseId"] = second, ["priority"] = 2 }),
        }, ServerFixture.Json);
        Assert.True(strategy.StatusCode == HttpStatusCode.OK, $"warehouse-strategy: {strategy.StatusCode} {await strategy.Content.ReadAsStringAsync()}");
        return second;
    }

    /// <summary>A warehouse no shop uses yet (广州仓, its own code), for transfers, second warehouses and assignments.</summary>
    protected Task<long> CreateOtherWarehouseAsync() => PostCreatedAsync("/api/warehouses", new JsonObject
    {
        ["code"] = Unique("WH"),
        ["name"] = "广州仓",
        ["province"] = "广东省",
        ["city"] = "广州市",
        ["address"] = "天河路2号",
        ["contactName"] = "李仓管",
        ["contactPhone"] = "13800000002",
    });

    /// <summary>A floor action on an order (<c>pick:confirm</c>, <c>verify:scan</c>, <c>weigh</c>…), answer unchecked.</summary>
    protected Task<HttpResponseMessage> PostFloorAsync(long orderId, string action, JsonObject body) =>
        Client.PostAsJsonAsync($"/api/orders/{orderId}/{action}", body, ServerFixture.Json);

    /// <summary>A floor action that must answer 200; returns the order and where its workflow stands.</summary>
    protected async Task<JsonObject> FloorOkAsync(long orderId, string action, JsonObject body)
    {
        var response = await PostFloorAsync(orderId, action, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    protected async Task<string?> TrackingNumberAsync(long orderId) =>
        (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}", ServerFixture.Json))!["trackingNumber"]?.GetValue<string>();

    protected async Task<(int OnHand, int Reserved)> StockCountsAsync(long warehouse, string code)
    {
        var stock = await StockAsync(warehouse, code);
        return (stock.OnHand, stock.Reserved);
    }

    protected async Task<(long GoodsId, int OnHand, int Reserved)> StockAsync(long warehouse, string code)
    {
        var item = (await Client.GetFromJsonAsync<JsonObject>($"/api/stock?warehouseId={warehouse}&merchantCode={code}", ServerFixture.Json))!["items"]![0]!;
        return (item["goodsId"]!.GetValue<long>(), item["onHand"]!.GetValue<int>(), item["reserved"]!.GetValue<int>());
    }

    /// <summary>
    /// Picks, scans (all items at once) and weighs each package on its own, as the floor does with a split order; returns
    /// the floor's answers in order.
    /// </summary>
    protected async Task<List<JsonObject>> ShipPackagesThroughFloorAsync(long orderId, IReadOnlyList<JsonObject> packages)
    {
        var answers = new List<JsonObject>();
        foreach (var package in packages)
        {
            answers.Add(await FloorOkAsync(orderId, "pick:confirm", new JsonObject { ["packageId"] = package["id"]!.GetValue<long>() }));
        }

        foreach (var package in packages)
        {
            answers.Add(await FloorOkAsync(orderId, "verify:scan", new JsonObject
            {
                ["packageId"] = package["id"]!.GetValue<long>(),
                ["items"] = new JsonArray([.. package["lines"]!.AsArray().Select(l => (JsonNode)new JsonObject { ["merchantCode"] = l!["merchantCode"]!.GetValue<string>(), ["quantity"] = l["quantity"]!.GetValue<int>() })]),
            }));
        }

        foreach (var package in packages)
        {
            answers.Add(await FloorOkAsync(orderId, "weigh", new JsonObject { ["packageId"] = package["id"]!.GetValue<long>(), ["weightKg"] = 0.5 }));
        }

        return answers;
    }

    /// <summary>Makes <paramref name="carrierCode"/> (e-waybills from <paramref name="provider"/>: SF, Cainiao or JD) the shop's default carrier.</summary>
    protected async Task UseCarrierAsync(long shopId, string carrierCode, string provider)
    {
        var carrier = await PostCreatedAsync("/api/logistics-companies", new JsonObject
        {
            ["code"] = carrierCode,
            ["name"] = carrierCode,
            ["platformLogisticsCode"] = carrierCode,
            ["waybillProvider"] = provider,
        }, allowExisting: true);
        var shop = (await Client.GetFromJsonAsync<JsonObject>($"/api/shops/{shopId}", ServerFixture.Json))!;
        shop["defaultLogisticsCompanyId"] = carrier;
        var updated = await Client.PutAsJsonAsync($"/api/shops/{shopId}", shop, ServerFixture.Json);
        Assert.True(updated.StatusCode == HttpStatusCode.OK, $"PUT shop: {updated.StatusCode} {await updated.Content.ReadAsStringAsync()}");
    }

    /// <summary>The order's packages, by sequence.</summary>
    protected async Task<List<JsonObject>> PackagesAsync(long orderId) =>
        (await Client.GetFromJsonAsync<JsonArray>($"/api/orders/{orderId}/packages", ServerFixture.Json))!.Select(p => p!.AsObject()).ToList();

    /// <summary>The shop's default warehouse, where <see cref="CreateReadyShopAsync(string[])"/> put its stock.</summary>
    protected async Task<long> WarehouseOfAsync(long shopId) =>
        (await Client.GetFromJsonAsync<JsonObject>($"/api/shops/{shopId}", ServerFixture.Json))!["defaultWarehouseId"]!.GetValue<long>();

    protected async Task<long> PostCreatedAsync(string path, JsonObject body, bool allowExisting = false)
    {
        var response = await Client.PostAsJsonAsync(path, body, ServerFixture.Json);
        if (allowExisting && response.StatusCode == HttpStatusCode.Conflict)
        {
            var list = await Client.GetFromJsonAsync<JsonObject>($"{path}?pageSize=200", ServerFixture.Json);
            return list!["items"]!.AsArray().First(i => i!["code"]!.GetValue<string>() == body["code"]!.GetValue<string>())!["id"]!.GetValue<long>();
        }

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path}: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<long>();
    }

    protected async Task<long> PushPaidOrderAsync(long shopId, string merchantCode)
    {
        var pushed = await PushAsync(shopId, PaidOrder(Unique("TB"), (merchantCode, 1)), HttpStatusCode.Created);
        return pushed.Order.Id;
    }

    /// <summary>
    /// A paid order of <paramref name="merchantCode"/> (goods and stock made for it) that a shop rule blocks for a reviewer:
    /// it waits on <c>Review</c> with the code in its reason.
    /// </summary>
    protected async Task<long> BlockedOrderAsync(long shopId, string merchantCode)
    {
        await CreateGoodsAsync(merchantCode);
        await AdjustStockAsync(await WarehouseOfAsync(shopId), 100, merchantCode);
        var rules = (await Client.GetFromJsonAsync<JsonObject>($"/api/shops/{shopId}/rules", ServerFixture.Json))!;
        await AddRuleAsync(shopId, RuleJson.Rule("check-" + rules["rules"]!.AsArray().Count, "merchantCodes", "contains", merchantCode,
            reason: "核对商品 (check the goods): " + merchantCode, name: "核对 " + merchantCode));
        var orderId = await PushPaidOrderAsync(shopId, merchantCode);
        await WaitForAsync(orderId, bookmark: "Review");
        return orderId;
    }

    /// <summary>Adds <paramref name="rule"/> to the rule set at <paramref name="scope"/> (<c>/api/shops/{id}</c> or <c>/api/platforms/{id}</c>).</summary>
    protected Task<HttpResponseMessage> PostRuleAsync(string scope, JsonObject rule, int version) =>
        Client.PostAsJsonAsync($"{scope}/rules", new JsonObject { ["version"] = version, ["rule"] = rule }, ServerFixture.Json);

    protected Task<HttpResponseMessage> PostRuleAsync(long shopId, JsonObject rule, int version) => PostRuleAsync($"/api/shops/{shopId}", rule, version);

    /// <summary>
    /// Adds a rule and publishes the set, on top of <paramref name="version"/> (the current version when null); a refusal
    /// fails the test with the server's answer. Answers the published set.
    /// </summary>
    protected async Task<JsonObject> AddRuleAsync(string scope, JsonObject rule, int? version = null)
    {
        version ??= (await Client.GetFromJsonAsync<JsonObject>($"{scope}/rules", ServerFixture.Json))!["version"]!.GetValue<int>();
        var response = await PostRuleAsync(scope, rule, version.Value);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"add rule: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    protected Task<JsonObject> AddRuleAsync(long shopId, JsonObject rule, int? version = null) => AddRuleAsync($"/api/shops/{shopId}", rule, version);

    protected async Task<JsonObject> InstanceOfOrderAsync(long orderId) =>
        (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}/workflow", ServerFixture.Json))!;

    /// <summary>Polls the order's instance until it waits on <paramref name="bookmark"/> (or reaches <paramref name="status"/>).</summary>
    protected async Task<JsonObject> WaitForAsync(long orderId, string? bookmark = null, string? status = null, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        JsonObject? last = null;
        while (DateTime.UtcNow < deadline)
        {
            var response = await Client.GetAsync($"/api/orders/{orderId}/workflow");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                last = (await response.Content.ReadFromJsonAsync<JsonObject>(ServerFixture.Json))!;
                var instance = last["instance"]!;
                if ((bookmark is null || instance["waitingFor"]?.GetValue<string>() == bookmark)
                    && (status is null || instance["status"]!.GetValue<string>() == status))
                {
                    return last;
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Order {orderId} did not reach {bookmark ?? status} in {seconds}s; last: {last?.ToJsonString()}");
    }

    protected static Guid InstanceId(JsonObject detail) => detail["instance"]!["id"]!.GetValue<Guid>();

    protected Task<HttpResponseMessage> ResumeAsync(Guid instanceId, string bookmark, JsonObject? payload = null) =>
        payload is null
            ? Client.PostAsync($"/api/workflow-instances/{instanceId}/bookmarks/{bookmark}:resume", null)
            : Client.PostAsJsonAsync($"/api/workflow-instances/{instanceId}/bookmarks/{bookmark}:resume", payload, ServerFixture.Json);

    protected async Task<JsonObject> ResumeOkAsync(Guid instanceId, string bookmark, JsonObject? payload = null)
    {
        var response = await ResumeAsync(instanceId, bookmark, payload);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"resume {bookmark}: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The floor's three waits, with the stimuli a picker, a scanner and a scale send.</summary>
    protected async Task<JsonObject> ShipThroughFloorAsync(Guid instanceId)
    {
        var atVerify = await ResumeOkAsync(instanceId, "PickConfirmed");
        var expected = atVerify["bookmarks"]!.AsArray().Single(b => b!["name"]!.GetValue<string>() == "Scanned")!["payload"]!["lines"]!.AsArray();
        await ResumeOkAsync(instanceId, "Scanned", new JsonObject
        {
            ["items"] = new JsonArray(expected.Select(l => (JsonNode)new JsonObject { ["merchantCode"] = l!["merchantCode"]!.GetValue<string>(), ["quantity"] = l["quantity"]!.GetValue<int>() }).ToArray()),
        });
        return await ResumeOkAsync(instanceId, "Weighed", new JsonObject { ["weightKg"] = 1.25 });
    }

    protected static IEnumerable<string> Steps(JsonObject detail) =>
        detail["journal"]!.AsArray().Select(j => $"{j!["activityId"]}:{j["event"]}{(j["outcome"] is { } o ? ":" + o : "")}");
}
