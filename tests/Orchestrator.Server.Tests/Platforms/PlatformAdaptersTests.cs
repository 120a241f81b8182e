using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Integrations.Platforms;
using Orchestrator.Integrations.Platforms.Jd;
using Orchestrator.Integrations.Platforms.Top;

namespace Orchestrator.Server.Tests.Platforms;

/// <summary>
/// A shop's platform connection is bound from <c>Platforms:{shopCode}</c> once and kept, and a configuration reload is
/// seen: a shop given a base URL gets an adapter, one whose base URL is taken away has none again.
/// </summary>
public sealed class PlatformAdaptersTests
{
    [Fact]
    public void A_shops_connection_is_kept_until_the_configuration_reloads()
    {
        var source = new Dictionary<string, string?> { ["Platforms:JD-1:BaseUrl"] = "http://127.0.0.1:5090" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(source).Build();
        using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var adapters = new PlatformAdapters(configuration, services.GetRequiredService<IHttpClientFactory>(), TimeProvider.System);

        Assert.Null(adapters.For("TB-1", "taobao"));
        Assert.IsType<JdPlatformAdapter>(adapters.For("JD-1", "jd"));

        // Changed without a reload: the bound sections stand. Reloaded: both shops are read again.
        var memory = configuration.Providers.Single();
        memory.Set("Platforms:TB-1:BaseUrl", "http://127.0.0.1:5081");
        memory.Set("Platforms:JD-1:BaseUrl", string.Empty);
        Assert.Null(adapters.For("TB-1", "taobao"));
        Assert.NotNull(adapters.For("JD-1", "jd"));

        configuration.Reload();
        Assert.IsType<TopPlatformAdapter>(adapters.For("TB-1", "taobao"));
        Assert.Null(adapters.For("JD-1", "jd"));
    }
}
