using System.Text.Json.Serialization;

namespace Orchestrator.Simulators.Waybill;

/// <summary>
/// Loopback e-waybill simulator (SF, Cainiao, JD) for tests and the demo: <c>dotnet run --project src/Orchestrator.Simulators.Waybill</c>
/// listens on http://127.0.0.1:5180 unless <c>--urls</c> (or <c>ASPNETCORE_URLS</c>) says otherwise.
/// </summary>
public static class SimulatorProgram
{
    public const string DefaultUrl = "http://127.0.0.1:5180";

    public static async Task Main(string[] args) => await Build(args).RunAsync();

    /// <summary>The simulator as an app not yet started, so tests can host it in process on a port of their own.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddSingleton<WaybillLedger>();
        builder.Services.AddSingleton<FaultPlan>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        var app = builder.Build();
        app.MapSfApi();
        app.MapCainiaoApi();
        app.MapJdApi();
        app.MapAdminApi();
        return app;
    }
}
