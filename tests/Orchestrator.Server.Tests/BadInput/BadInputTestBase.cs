using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.BadInput;

/// <summary>Raw requests and whole-database counts, so a test can send what no typed client would and prove nothing was kept.</summary>
public abstract class BadInputTestBase(ServerFixture server) : LifecycleTestBase(server)
{
    protected Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, string body) =>
        Client.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") });

    protected Task<HttpResponseMessage> PostRawAsync(string path, string body) => SendRawAsync(HttpMethod.Post, path, body);

    /// <summary>Rows in the tables bad input could reach: orders, their lines, workflow definitions, rule-set versions, shops, goods.</summary>
    protected Task<(int Orders, int Lines, int Definitions, int RuleSets, int Shops, int Goods)> CountRowsAsync() =>
        Server.WithDbAsync(async db => (
            await db.SalesOrders.CountAsync(),
            await db.SalesOrders.SelectMany(o => o.Lines).CountAsync(),
            await db.WorkflowDefinitions.CountAsync(),
            await db.RuleSetVersions.CountAsync(),
            await db.Shops.CountAsync(),
            await db.Goods.CountAsync()));

    /// <summary>After the bad request, an ordinary push still goes through and health says ready.</summary>
    protected async Task AssertStillServesAsync()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/ready")).StatusCode);
        var shop = await CreateShopAsync();
        var pushed = await PushAsync(shop.Id, PaidOrder(Unique("tid"), ("ANY", 1)), HttpStatusCode.Created);
        Assert.Equal("茶友小王", pushed.Order.BuyerNick);
    }

    protected async Task<JsonObject> ReadJsonAsync(string path) => (await Client.GetFromJsonAsync<JsonObject>(path, ServerFixture.Json))!;

    /// <summary>The node as JSON text with Chinese left unescaped, so a test can find and replace parts of it.</summary>
    protected static string Raw(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>The dry run of review for an intake-shaped order.</summary>
    protected async Task<JsonObject> DryRunAsync(long shopId, JsonObject order)
    {
        var response = await Client.PostAsJsonAsync($"/api/shops/{shopId}/rules:test", new JsonObject { ["order"] = order }, ServerFixture.Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"rules:test: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>A JSON value nested <paramref name="depth"/> levels deep: [[[…]]] or {"a":{"a":…}}.</summary>
    protected static string Nested(int depth, bool objects) =>
        objects
            ? string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)
            : new string('[', depth) + new string(']', depth);
}
