using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Simulators.Platform;

/// <summary>A loopback Taobao-TOP-like platform for tests and the demo: trades out, shipments and stock in, faults on demand.</summary>
public static class PlatformSimulator
{
    /// <summary>TOP's wire style: snake_case names.</summary>
    public static readonly JsonSerializerOptions TopJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The simulator's app; <c>--urls</c> (default <c>http://127.0.0.1:5081</c>) and <c>Simulator:PushUrl</c> configure it.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:5081");
        }

        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new SimulatorState(sp.GetRequiredService<TimeProvider>()) { PushUrl = builder.Configuration["Simulator:PushUrl"], PushApiKey = builder.Configuration["Simulator:PushApiKey"] });
        builder.Services.AddSingleton<PageShifts>();
        builder.Services.AddHttpClient<IntakePusher>();

        var app = builder.Build();
        app.MapTopRouter();
        app.MapJdRouter();
        app.MapSimulatorAdmin();
        return app;
    }
}
