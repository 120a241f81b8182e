using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.BadInput;

/// <summary>The body limit behind the real Kestrel server (its own process): the same 413 problem as in process, declared or chunked.</summary>
public sealed class KestrelBodyLimitTests : IDisposable
{
    private readonly TempDataFolder _data = new("orchestrator-bodylimit-");

    [Fact]
    public async Task Kestrel_answers_a_body_over_8_MiB_with_a_413_problem_and_stores_nothing()
    {
        await using var server = await ServerProcess.StartAsync(_data.Path, seedDemo: true);
        using var client = server.CreateClient();
        var before = await TotalAsync(client);
        var order = Encoding.UTF8.GetBytes($"{{\"platformOrderId\":\"K-1\",\"buyerMessage\":\"{new string('a', 9 * 1024 * 1024)}\"}}");

        var declared = new ByteArrayContent(order);
        declared.Headers.ContentType = new("application/json");
        var chunked = new StreamContent(new NonSeekableStream(order));
        chunked.Headers.ContentType = new("application/json");

        foreach (var content in new HttpContent[] { declared, chunked })
        {
            var response = await client.PostAsync("/api/shops/1/orders", content);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{response.StatusCode}: {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("8388608 bytes", body, StringComparison.Ordinal);
        }

        Assert.Equal(before, await TotalAsync(client));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    public void Dispose() => _data.Dispose();

    private static async Task<int> TotalAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonObject>("/api/orders?pageSize=1", ServerFixture.Json))!["total"]!.GetValue<int>();

    /// <summary>Hides the length, so HttpClient sends the body chunked.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
