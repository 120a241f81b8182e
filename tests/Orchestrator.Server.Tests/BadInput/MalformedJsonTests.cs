using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.BadInput;

/// <summary>Every endpoint that takes a JSON body answers broken JSON with a 400 naming <c>body</c>, found from the app's own endpoint list.</summary>
public sealed partial class MalformedJsonTests(SqliteServerFixture server) : BadInputTestBase(server), IClassFixture<SqliteServerFixture>
{
    /// <summary>Documents no parser can read: a bad token, a missing value, a truncated object, trailing garbage, a lone bracket, a BOM-less UTF-16 byte.</summary>
    public static TheoryData<string> Broken { get; } = ["{not json", "{\"a\": }", "{\"a\": 1", "{} trailing", "[", "{\"a\": 1,,}", "\u0000"];

    [SkippableTheory]
    [MemberData(nameof(Broken))]
    public async Task Broken_json_on_every_body_endpoint_is_a_400_naming_body(string broken)
    {
        var endpoints = BodyEndpoints();
        var before = await CountRowsAsync();
        var failures = new List<string>();

        foreach (var (method, path) in endpoints)
        {
            var response = await SendRawAsync(method, path, broken);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest
                || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                || !text.Contains("\"body\":", StringComparison.Ordinal))
            {
                failures.Add($"{method} {path}: {(int)response.StatusCode} {text}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await CountRowsAsync());
        await AssertStillServesAsync();
    }

    [SkippableFact]
    public async Task The_endpoint_list_covers_intake_rules_and_workflow_definitions()
    {
        var paths = BodyEndpoints().Select(e => $"{e.Method} {e.Path}").ToList();

        Assert.Contains("POST /api/shops/1/orders", paths);
        Assert.Contains("POST /api/shops/1/orders:batch", paths);
        Assert.Contains("POST /api/shops/1/rules", paths);
        Assert.Contains("POST /api/shops/1/rules:test", paths);
        Assert.Contains("PUT /api/workflow-definitions/x/draft", paths);
        Assert.Contains("POST /api/workflow-definitions:import", paths);
        Assert.Contains($"POST /api/workflow-instances/{Guid.Empty}/bookmarks/x:resume", paths);
        Assert.True(paths.Count > 30, string.Join("\n", paths));
    }

    [SkippableFact]
    public async Task Bytes_that_are_not_utf8_in_a_text_field_are_a_400_naming_it()
    {
        var shop = await CreateShopAsync();
        var json = Encoding.UTF8.GetBytes(Raw(PaidOrder(Unique("tid"), ("ANY", 1))));
        var nick = Encoding.UTF8.GetBytes("茶友小王");
        var at = json.AsSpan().IndexOf(nick);
        byte[] broken = [.. json[..at], 0xC3, 0x28, 0xFF, .. json[(at + nick.Length)..]];
        var content = new ByteArrayContent(broken);
        content.Headers.ContentType = new("application/json");

        var response = await Client.PostAsync($"/api/shops/{shop.Id}/orders", content);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().Any(e => e.Key is "buyerNick" or "body"), problem.ToJsonString());
        Assert.Equal(0, await CountOrdersAsync(shop.Id));
    }

    /// <summary>POST and PUT endpoints that declare a JSON body, with route values filled in (numbers for numeric ids, "x" otherwise).</summary>
    private List<(HttpMethod Method, string Path)> BodyEndpoints()
    {
        var sources = Server.Services.GetRequiredService<EndpointDataSource>();
        return sources.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>() is { } accepts && accepts.ContentTypes.Contains("application/json"))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m is "POST" or "PUT")
                .Select(m => (new HttpMethod(m), Fill(e.RoutePattern.RawText!))))
            .OrderBy(e => e.Item2, StringComparer.Ordinal)
            .ToList();
    }

    private static string Fill(string pattern) =>
        RouteParameter().Replace(pattern, m => m.Groups["constraint"].Value is "long" or "int" or "guid" || m.Groups["name"].Value == "scope"
            ? m.Groups["constraint"].Value == "guid" ? Guid.Empty.ToString() : "1"
            : "x");

    [GeneratedRegex(@"\{(?<name>[^}:?]+)(:(?<constraint>[^}?]+))?\??\}")]
    private static partial Regex RouteParameter();
}
