using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Security;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Security;

/// <summary>Every endpoint says who may call it: a named policy, or anonymous on purpose (and then only the few listed here).</summary>
public sealed class EndpointPolicyTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    private static readonly string[] KnownPolicies = [Policies.Admin, Policies.OpsLead, Policies.Reviewer, Policies.Warehouse, Policies.Reader, Policies.Intake];

    // The only endpoints anyone may call: health probes, the API reference, signing in, and the designer's page.
    private static readonly string[] Anonymous =
    [
        "/health/live", "/health/ready", "/openapi/{documentName}.json", "/scalar/{documentName?}",
        "/api/auth/sign-in", "/api/auth/sign-out", "/api/auth/me", "/api/auth/setup", "{*path:regex(^(?!api(/|$))):nonfile}", "/",
    ];

    [SkippableFact]
    public void Every_endpoint_declares_a_policy_or_is_anonymous_on_purpose()
    {
        _ = server.Client;
        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count > 80, $"Only {endpoints.Count} endpoints found: the enumeration is not seeing the API.");

        var undeclared = new List<string>();
        var anonymous = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var name = Describe(endpoint);
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                anonymous.Add(endpoint.RoutePattern.RawText ?? name);
                continue;
            }

            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).ToList();
            if (policies.Count == 0)
            {
                undeclared.Add(name);
            }
            else
            {
                Assert.All(policies, p => Assert.Contains(p, KnownPolicies));
            }
        }

        Assert.True(undeclared.Count == 0, "Endpoints without a policy:\n" + string.Join('\n', undeclared));
        var unexpected = anonymous.Distinct().Except(Anonymous).Where(p => !p.StartsWith("/scalar/", StringComparison.Ordinal)).ToList();
        Assert.True(unexpected.Count == 0, "Endpoints open to anyone that should not be:\n" + string.Join('\n', unexpected));
    }

    private static string Describe(RouteEndpoint endpoint) =>
        $"{string.Join(',', endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])} {endpoint.RoutePattern.RawText}";
}
