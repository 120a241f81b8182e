using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.BadInput;

/// <summary>A body over <c>Api:MaxRequestBodyBytes</c> (8 MiB) is a 413 problem on intake, workflow import and save, and rules; nothing is kept.</summary>
public sealed class HugePayloadTests(SqliteServerFixture server) : BadInputTestBase(server), IClassFixture<SqliteServerFixture>
{
    private const long Limit = 8 * 1024 * 1024;

    [SkippableFact]
    public void The_configured_limit_is_8_MiB()
    {
        Skip.If(Server.SkipReason is not null, Server.SkipReason);
        Assert.Equal(Limit, Server.Services.GetRequiredService<IOptions<RequestBodyLimitOptions>>().Value.MaxRequestBodyBytes);
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_limit_is_a_413_everywhere_and_stores_nothing(bool declaresLength)
    {
        var shop = await CreateShopAsync();
        var padding = new string('茶', (int)(Limit / 3) + 10);
        var order = PaidOrder(Unique("tid"), ("ANY", 1));
        order["buyerMessage"] = padding;
        var definition = new JsonObject
        {
            ["definitionId"] = Unique("huge").ToLowerInvariant(),
            ["name"] = padding,
            ["root"] = new JsonObject { ["activities"] = new JsonArray(), ["connections"] = new JsonArray() },
        };
        var rule = new JsonObject
        {
            ["version"] = 0,
            ["rule"] = new JsonObject { ["id"] = "big", ["name"] = padding, ["when"] = new JsonObject(), ["action"] = new JsonObject { ["type"] = "Block" } },
        };
        var before = await CountRowsAsync();

        var requests = new (HttpMethod Method, string Path, JsonNode Body)[]
        {
            (HttpMethod.Post, $"/api/shops/{shop.Id}/orders", order),
            (HttpMethod.Post, $"/api/shops/{shop.Id}/orders:batch", new JsonObject { ["orders"] = new JsonArray(order.DeepClone()) }),
            (HttpMethod.Post, "/api/workflow-definitions:import", definition),
            (HttpMethod.Put, $"/api/workflow-definitions/{definition["definitionId"]}/draft", definition.DeepClone()),
            (HttpMethod.Post, $"/api/shops/{shop.Id}/rules", rule),
            (HttpMethod.Post, $"/api/shops/{shop.Id}/rules:test", new JsonObject { ["order"] = order.DeepClone() }),
        };
        foreach (var (method, path, body) in requests)
        {
            var bytes = Encoding.UTF8.GetBytes(body.ToJsonString(ServerFixture.Json));
            Assert.True(bytes.Length > Limit);
            HttpContent content = declaresLength ? new ByteArrayContent(bytes) : new UnknownLengthContent(bytes);
            content.Headers.ContentType = new("application/json");

            var problem = await ProblemAsync(await Client.SendAsync(new HttpRequestMessage(method, path) { Content = content }), HttpStatusCode.RequestEntityTooLarge);

            Assert.Contains("8388608 bytes", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await CountRowsAsync());
        await AssertStillServesAsync();
    }

    [SkippableFact]
    public async Task A_body_just_under_the_limit_is_read_and_validated_not_refused()
    {
        var shop = await CreateShopAsync();
        var order = PaidOrder(Unique("tid"), ("ANY", 1));
        order["buyerMessage"] = new string('a', (int)Limit - 2_000);

        var response = await PostOrderAsync(shop.Id, order);

        AssertNamesField(await ProblemAsync(response, HttpStatusCode.BadRequest), "buyerMessage");
        Assert.Equal(0, await CountOrdersAsync(shop.Id));
    }

    /// <summary>A body sent without Content-Length, as a chunked upload would be, so only the reading side can notice its size.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
