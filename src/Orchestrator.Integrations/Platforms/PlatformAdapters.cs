using Microsoft.Extensions.Configuration;
using Orchestrator.Integrations.Platforms.Top;

namespace Orchestrator.Integrations.Platforms;

/// <summary>Finds the adapter of a shop by its code; shops without <c>Platforms:{shopCode}:BaseUrl</c> have none.</summary>
public sealed class PlatformAdapters(IConfiguration configuration, IHttpClientFactory httpClients, TimeProvider clock)
{
    public IPlatformAdapter? For(string shopCode)
    {
        var connection = configuration.GetSection($"Platforms:{shopCode}").Get<PlatformConnection>();
        return string.IsNullOrWhiteSpace(connection?.BaseUrl)
            ? null
            : new TopPlatformAdapter(httpClients.CreateClient(TopPlatformAdapter.HttpClientName), connection, clock);
    }
}
