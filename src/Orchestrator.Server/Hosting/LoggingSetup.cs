using System.Globalization;
using Serilog;
using Serilog.Events;

namespace Orchestrator.Server.Hosting;

/// <summary>Serilog to the console and a daily rolling file in the data folder, with request logs enriched by shop and order.</summary>
internal static class LoggingSetup
{
    private static readonly (string RouteKey, string Property)[] EnrichedRouteValues = [("shopId", "ShopId"), ("orderId", "OrderId")];

    public static WebApplicationBuilder AddOrchestratorLogging(this WebApplicationBuilder builder)
    {
        var logFile = Path.Combine(builder.DataFolder(), "logs", "orchestrator-.log");
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture, outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}")
            .WriteTo.File(logFile, formatProvider: CultureInfo.InvariantCulture, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14,
                outputTemplate: "{Timestamp:o} [{Level:u3}] {SourceContext} {Message:lj} {Properties:j}{NewLine}{Exception}"));
        return builder;
    }

    public static WebApplication UseOrchestratorRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Debug
                : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                foreach (var (routeKey, property) in EnrichedRouteValues)
                {
                    if (context.Request.RouteValues.TryGetValue(routeKey, out var value) && value is not null)
                    {
                        diagnostics.Set(property, value);
                    }
                }
            };
        });
        return app;
    }
}
