using Microsoft.Extensions.Configuration;
using Orchestrator.Integrations.Platforms.Jd;
using Orchestrator.Integrations.Platforms.Top;

namespace Orchestrator.Integrations.Platforms;

/// <summary>
/// Finds the adapter of a shop: shops without <c>Platforms:{shopCode}:BaseUrl</c> have none; the shop's platform code picks
/// the API (<c>jd</c> speaks JD's POP router, every other platform TOP's for now).
/// </summary>
public sealed class PlatformAdapters(IConfiguration configuration, IHttpClientFactory httpClients, TimeProvider clock)
{
    public IPlatformAdapter? For(string shopCode, string platformCode)
    {
        var connection = configuration.GetSection($"Platforms:{shopCode}").Get<PlatformConnection>();
        if (string.IsNullOrWhiteSpace(connection?.BaseUrl))
        {
            return null;
        }

        return string.Equals(platformCode, JdPlatformAdapter.PlatformCode, StringComparison.OrdinalIgnoreCase)
            ? new JdPlatformAdapter(httpClients.CreateClient(JdPlatformAdapter.HttpClientName), connection, clock)
            : new TopPlatformAdapter(httpClients.CreateClient(TopPlatformAdapter.HttpClientName), connection, clock);
    }
}
