using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Apis.Combos;
using Orchestrator.Server.Apis.Goods;
using Orchestrator.Server.Apis.Orders;
using Orchestrator.Server.Apis.Shops;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>Helpers that set up master data through the real API, as an integration would.</summary>
public abstract class ApiTestBase(ServerFixture server)
{
    protected ServerFixture Server { get; } = server;

    protected HttpClient Client => Server.Client;

    /// <summary>Codes unique per test, since tests of one class share a database.</summary>
    protected static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}".ToUpperInvariant();

    protected async Task<ShopResponse> CreateShopAsync(string platform = "taobao")
    {
        var response = await Client.PostAsJsonAsync("/api/shops", new ShopRequest(Unique("shop"), "测试店铺", platform, null, null, "记账伙伴", "客服A", true, null), ServerFixture.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ServerFixture.ReadAsync<ShopResponse>(response);
    }

    protected async Task<GoodsResponse> CreateGoodsAsync(string merchantCode, string name = "测试商品")
    {
        var response = await Client.PostAsJsonAsync("/api/goods", new GoodsRequest(merchantCode, null, name, null, 0.3m, 99m, true, null), ServerFixture.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ServerFixture.ReadAsync<GoodsResponse>(response);
    }

    protected async Task<ComboResponse> CreateComboAsync(string code, params (string MerchantCode, int Quantity)[] items)
    {
        var request = new ComboRequest(code, "测试套餐", true, items.Select(i => new ComboItemRequest(null, i.MerchantCode, i.Quantity)).ToList(), null);
        var response = await Client.PostAsJsonAsync("/api/combos", request, ServerFixture.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ServerFixture.ReadAsync<ComboResponse>(response);
    }

    /// <summary>A paid Taobao-style order as JSON, so tests can also break it in ways the typed request cannot.</summary>
    protected static JsonObject PaidOrder(string platformOrderId, params (string? MerchantCode, int Quantity)[] lines) => new()
    {
        ["platformOrderId"] = platformOrderId,
        ["status"] = "WAIT_SELLER_SEND_GOODS",
        ["buyerNick"] = "茶友小王",
        ["receiver"] = new JsonObject
        {
            ["name"] = "王小明",
            ["mobile"] = "13912345678",
            ["province"] = "浙江省",
            ["city"] = "杭州市",
            ["district"] = "西湖区",
            ["address"] = "文三路90号",
        },
        ["buyerMessage"] = "周末送货",
        ["payTime"] = "2026-11-11T00:01:02+08:00",
        ["modified"] = "2026-11-11T00:01:02+08:00",
        ["totalFee"] = 200,
        ["payment"] = 180,
        ["discountFee"] = 20,
        ["lines"] = new JsonArray(lines.Select((l, i) => (JsonNode)new JsonObject
        {
            ["platformLineId"] = $"{platformOrderId}-{i + 1}",
            ["platformSkuId"] = $"50{i}",
            ["merchantCode"] = l.MerchantCode,
            ["title"] = "测试宝贝",
            ["quantity"] = l.Quantity,
            ["price"] = 100,
        }).ToArray()),
    };

    protected Task<HttpResponseMessage> PostOrderAsync(long shopId, JsonNode order) =>
        Client.PostAsJsonAsync($"/api/shops/{shopId}/orders", order, ServerFixture.Json);

    protected async Task<IntakeResponse> PushAsync(long shopId, JsonNode order, HttpStatusCode expected)
    {
        var response = await PostOrderAsync(shopId, order);
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await ServerFixture.ReadAsync<IntakeResponse>(response);
    }

    protected static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(body)!.AsObject();
    }

    protected static void AssertNamesField(JsonObject problem, string field) =>
        Assert.True(problem["errors"]?.AsObject().ContainsKey(field) == true, $"Expected an error for '{field}' in {problem.ToJsonString()}");

    /// <summary>The password of every user <see cref="CreateUserAsync"/> makes.</summary>
    protected const string UserPassword = "correct-horse-battery";

    /// <summary>A person with <paramref name="role"/>, assigned to the given shops and warehouses, made by the test admin.</summary>
    protected async Task<string> CreateUserAsync(string role, long[]? shops = null, long[]? warehouses = null)
    {
        var name = Unique("user").ToLowerInvariant();
        var response = await Client.PostAsJsonAsync("/api/users", new { userName = name, password = UserPassword, roles = new[] { role }, shopIds = shops ?? [], warehouseIds = warehouses ?? [] });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return name;
    }

    /// <summary>A new client signed in as a new user with <paramref name="role"/> (see <see cref="CreateUserAsync"/>).</summary>
    protected async Task<(string Name, HttpClient Client)> SignedInAsAsync(string role, long[]? shops = null, long[]? warehouses = null)
    {
        var name = await CreateUserAsync(role, shops, warehouses);
        return (name, await Server.CreateClientAsync(name, UserPassword));
    }

    protected async Task<int> CountOrdersAsync(long shopId) =>
        (await Client.GetFromJsonAsync<JsonObject>($"/api/orders?shopId={shopId}&pageSize=1", ServerFixture.Json))!["total"]!.GetValue<int>();
}
