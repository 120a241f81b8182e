using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Orchestrator.Simulators.Waybill;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>The e-waybill simulator on a free loopback port, in process, with helpers for its admin endpoints.</summary>
public sealed class WaybillSimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WaybillSimulatorHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public static async Task<WaybillSimulatorHost> StartAsync()
    {
        var url = $"http://127.0.0.1:{FreePorts.Next()}";
        var app = SimulatorProgram.Build(["--urls", url, "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        return new WaybillSimulatorHost(app, new Uri(url));
    }

    /// <summary>e.g. <c>{ provider: "SF", fail: 3 }</c> or <c>{ provider: "SF", delay: 1, delaySeconds: 3 }</c>.</summary>
    public async Task InjectAsync(JsonObject fault)
    {
        var response = await Client.PostAsJsonAsync("/admin/faults", fault);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    public async Task ClearFaultsAsync() => Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync("/admin/faults")).StatusCode);

    public async Task<List<JsonObject>> WaybillsAsync(string? provider = null) =>
        (await Client.GetFromJsonAsync<JsonArray>(provider is null ? "/admin/waybills" : $"/admin/waybills?provider={provider}"))!
            .Select(w => w!.AsObject()).ToList();

    /// <summary>The numbers issued for one workflow instance: the runtime's keys start with the instance id.</summary>
    public async Task<List<JsonObject>> WaybillsOfAsync(Guid instanceId) =>
        (await WaybillsAsync()).Where(w => w["key"]!.GetValue<string>().StartsWith(instanceId.ToString("N"), StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
