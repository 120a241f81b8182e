using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;
using Orchestrator.Integrations.Platforms.Jd;
using Orchestrator.Integrations.Platforms.Top;

namespace Orchestrator.Integrations.Platforms;

/// <summary>
/// Finds the adapter of a shop: shops without <c>Platforms:{shopCode}:BaseUrl</c> have none; the shop's platform code picks
/// the API (<c>jd</c> speaks JD's POP router, every other platform TOP's for now). A shop's section is bound once and kept
/// until the configuration reloads: ship confirmation asks for every order, and binding walks the section by reflection.
/// </summary>
public sealed class PlatformAdapters
{
    private readonly IConfiguration _configuration;
    private readonly IHttpClientFactory _httpClients;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, PlatformConnection?> _connections = new(StringComparer.Ordinal);

    public PlatformAdapters(IConfiguration configuration, IHttpClientFactory httpClients, TimeProvider clock)
    {
        _configuration = configuration;
        _httpClients = httpClients;
        _clock = clock;
        ChangeToken.OnChange(configuration.GetReloadToken, _connections.Clear);
    }

    public IPlatformAdapter? For(string shopCode, string platformCode)
    {
        var connection = _connections.GetOrAdd(shopCode, static (code, configuration) => configuration.GetSection($"Platforms:{code}").Get<PlatformConnection>(), _configuration);
        if (string.IsNullOrWhiteSpace(connection?.BaseUrl))
        {
            return null;
        }

        return string.Equals(platformCode, JdPlatformAdapter.PlatformCode, StringComparison.OrdinalIgnoreCase)
            ? new JdPlatformAdapter(_httpClients.CreateClient(JdPlatformAdapter.HttpClientName), connection, _clock)
            : new TopPlatformAdapter(_httpClients.CreateClient(TopPlatformAdapter.HttpClientName), connection, _clock);
    }
}
