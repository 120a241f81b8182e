using Microsoft.AspNetCore.Builder;

namespace Orchestrator.Bench.Throughput;

/// <summary>The waybill and platform simulators, in this process, on free loopback ports.</summary>
internal sealed class Simulators : IAsyncDisposable
{
    private readonly WebApplication _waybill;
    private readonly WebApplication _platform;

    private Simulators(WebApplication waybill, Uri waybillAddress, WebApplication platform, Uri platformAddress)
    {
        _waybill = waybill;
        _platform = platform;
        Waybill = waybillAddress;
        Platform = platformAddress;
    }

    public Uri Waybill { get; }

    public Uri Platform { get; }

    public static async Task<Simulators> StartAsync()
    {
        var waybillUrl = $"http://127.0.0.1:{RepositoryRoot.FreePort()}";
        var waybill = Orchestrator.Simulators.Waybill.SimulatorProgram.Build(["--urls", waybillUrl, "--Logging:LogLevel:Default=Warning"]);
        await waybill.StartAsync();
        var platformUrl = $"http://127.0.0.1:{RepositoryRoot.FreePort()}";
        var platform = Orchestrator.Simulators.Platform.PlatformSimulator.Build(["--urls", platformUrl, "--Logging:LogLevel:Default=Warning"]);
        await platform.StartAsync();
        return new Simulators(waybill, new Uri(waybillUrl + "/"), platform, new Uri(platformUrl + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _platform.StopAsync();
        await _platform.DisposeAsync();
        await _waybill.StopAsync();
        await _waybill.DisposeAsync();
    }
}
