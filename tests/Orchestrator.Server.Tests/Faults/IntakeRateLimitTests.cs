using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Faults;

/// <summary>Intake is rate limited per API key: a key over its limit gets 429s while another key is served.</summary>
public sealed class IntakeRateLimitTests(RateLimitedSqliteFixture server) : ApiTestBase(server), IClassFixture<RateLimitedSqliteFixture>
{
    [SkippableFact]
    public async Task A_burst_over_the_limit_is_refused_for_that_key_only()
    {
        var shop = (await CreateShopAsync()).Id;
        var keys = new Dictionary<string, string>
        {
            ["noisy"] = await IntegrationKeys.CreateAsync(Client, shop, "noisy"),
            ["quiet"] = await IntegrationKeys.CreateAsync(Client, shop, "quiet"),
        };
        Task<HttpResponseMessage> SendAsync(string key, JsonObject body, string suffix = "") =>
            Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/shops/{shop}/orders{suffix}") { Content = JsonContent.Create(body, options: ServerFixture.Json) }
                .WithKey(keys[key]));

        var noisy = new List<HttpResponseMessage>();
        for (var i = 0; i < RateLimitedSqliteFixture.Burst * 3; i++)
        {
            noisy.Add(await SendAsync("noisy", PaidOrder(Unique("TB"), ("TEA-1", 1))));
        }

        // The other key, right after: its own bucket is full.
        var quiet = new List<HttpResponseMessage>();
        for (var i = 0; i < RateLimitedSqliteFixture.Burst; i++)
        {
            quiet.Add(await SendAsync("quiet", PaidOrder(Unique("TB"), ("TEA-1", 1))));
        }

        Assert.All(quiet, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.True(noisy.Take(RateLimitedSqliteFixture.Burst).All(r => r.StatusCode == HttpStatusCode.Created), "The burst itself must be served.");
        var refused = noisy.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.True(refused.Count >= RateLimitedSqliteFixture.Burst, $"Only {refused.Count} of {noisy.Count} requests over the limit were refused.");
        var problem = await ProblemAsync(refused[0], HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many requests", problem["title"]!.GetValue<string>());
        Assert.True(refused[0].Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "429 without Retry-After");

        // A batch counts against the same key; after Retry-After the noisy key is served again.
        var batch = new JsonObject { ["orders"] = new JsonArray(PaidOrder(Unique("TB"), ("TEA-1", 1))) };
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync("noisy", batch, ":batch")).StatusCode);
        await Task.Delay(refused[0].Headers.RetryAfter!.Delta!.Value + TimeSpan.FromMilliseconds(200));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("noisy", batch, ":batch")).StatusCode);
    }
}
