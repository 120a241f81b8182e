using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Orchestrator.Lifecycle.Providers.Waybills;

/// <summary>Chooses the waybill issuer: the carriers' APIs when <c>Waybill:*BaseUrl</c> is set, else local numbers.</summary>
public static class WaybillSetup
{
    public static IServiceCollection AddWaybillIssuer(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(WaybillOptions.Section);
        services.Configure<WaybillOptions>(section);
        var options = section.Get<WaybillOptions>() ?? new WaybillOptions();
        if (!options.UsesCarriers)
        {
            services.AddScoped<IWaybillIssuer, LocalWaybillIssuer>();
            return services;
        }

        var resilience = section.GetSection("Resilience");
        AddCarrier<SfWaybillClient>(services, options.SfBaseUrl ?? options.BaseUrl, resilience);
        AddCarrier<CainiaoWaybillClient>(services, options.CainiaoBaseUrl ?? options.BaseUrl, resilience);
        AddCarrier<JdWaybillClient>(services, options.JdBaseUrl ?? options.BaseUrl, resilience);
        services.AddScoped<IWaybillIssuer, HttpWaybillIssuer>();
        return services;
    }

    /// <summary>
    /// One typed client per carrier family, so each has its own circuit breaker. Retrying a POST is safe here: every
    /// request carries the package's key and the carrier answers a repeated key with the number it already issued.
    /// </summary>
    private static void AddCarrier<TClient>(IServiceCollection services, Uri? baseUrl, IConfigurationSection resilience)
        where TClient : class, ICarrierWaybillClient
    {
        if (baseUrl is null)
        {
            return;
        }

        services.AddHttpClient<TClient>(http => http.BaseAddress = new Uri(baseUrl.ToString().TrimEnd('/') + "/"))
            .AddStandardResilienceHandler(options =>
            {
                Defaults(options);
                resilience.Bind(options);
            });
        services.AddTransient<ICarrierWaybillClient>(sp => sp.GetRequiredService<TClient>());
    }

    /// <summary>Defaults for a carrier answering in well under a second; <c>Waybill:Resilience:*</c> overrides any of them.</summary>
    private static void Defaults(HttpStandardResilienceOptions options)
    {
        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(5);
        options.Retry.MaxRetryAttempts = 3;
        options.Retry.BackoffType = DelayBackoffType.Exponential;
        options.Retry.UseJitter = true;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
        options.CircuitBreaker.FailureRatio = 0.5;
        options.CircuitBreaker.MinimumThroughput = 20;
        options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(15);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(60);
    }
}
