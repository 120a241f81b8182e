using System.Net;
using System.Net.Http.Json;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>The admin every test server is started with (<c>Auth:Admin</c>), and signing clients in as a person.</summary>
public static class SignIn
{
    public const string AdminName = "test-admin";
    public const string AdminPassword = "test-admin-password";

    /// <summary>The settings that create the test admin at start-up, and re-check cookies on every request.</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Auth:Admin:UserName"] = AdminName,
        ["Auth:Admin:Password"] = AdminPassword,
        ["Auth:RecheckInterval"] = "00:00:00",
    };

    public static async Task AsAsync(HttpClient client, string userName = AdminName, string password = AdminPassword)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/sign-in", new { userName, password });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Signing in as {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>A client for a server process that signs in as <paramref name="userName"/> before its first request.</summary>
    public static HttpClient ProcessClient(Uri baseAddress, string userName = AdminName, string password = AdminPassword) =>
        new(new SigningInHandler(userName, password) { InnerHandler = new HttpClientHandler { CookieContainer = new CookieContainer() } })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    private sealed class SigningInHandler(string userName, string password) : DelegatingHandler
    {
        private readonly SemaphoreSlim _once = new(1, 1);
        private bool _signedIn;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!_signedIn)
            {
                await _once.WaitAsync(cancellationToken);
                try
                {
                    if (!_signedIn)
                    {
                        using var signIn = new HttpRequestMessage(HttpMethod.Post, new Uri(request.RequestUri!, "/api/auth/sign-in"))
                        {
                            Content = JsonContent.Create(new { userName, password }),
                        };
                        using var response = await base.SendAsync(signIn, cancellationToken);
                        _signedIn = response.StatusCode == HttpStatusCode.OK;
                    }
                }
                finally
                {
                    _once.Release();
                }
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>Integration keys made through the admin API, as an admin would hand them to an integration.</summary>
public static class IntegrationKeys
{
    public static async Task<string> CreateAsync(HttpClient admin, long shopId, string? name = null)
    {
        using var response = await admin.PostAsJsonAsync($"/api/shops/{shopId}/api-keys", new { name = name ?? "key-" + Guid.NewGuid().ToString("N")[..8] });
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Creating a key for shop {shopId} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var created = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        return created!["key"]!.GetValue<string>();
    }

    /// <summary>Sends <paramref name="request"/> as the integration holding <paramref name="key"/>.</summary>
    public static HttpRequestMessage WithKey(this HttpRequestMessage request, string key)
    {
        request.Headers.Add(Orchestrator.Server.Security.ApiKeySecrets.Header, key);
        return request;
    }
}
