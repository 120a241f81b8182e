using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Orchestrator.Integrations.Platforms;
using Orchestrator.Integrations.Platforms.Jd;
using Orchestrator.Integrations.Platforms.Top;
using Polly;
using Polly.Retry;

namespace Orchestrator.Integrations;

public static class IntegrationsSetup
{
    /// <summary>
    /// Registers the platform adapters and the pipeline around their calls: a total timeout, retries with exponential
    /// backoff on transient HTTP failures and TOP's platform-side errors (JD: transient HTTP only), a circuit breaker and a per-attempt timeout.
    /// Every TOP call we make is safe to repeat (reads, full stock sets, a repeated ship confirm is refused, and the confirmer then asks the trade's state).
    /// </summary>
    public static IServiceCollection AddPlatformAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(PlatformClientOptions.Section).Get<PlatformClientOptions>() ?? new PlatformClientOptions();
        services.AddSingleton<PlatformAdapters>();
        services.AddHttpClient(TopPlatformAdapter.HttpClientName).AddResilienceHandler("top", pipeline => Build(pipeline, options, ShouldRetryTopAsync));
        services.AddHttpClient(JdPlatformAdapter.HttpClientName).AddResilienceHandler("jd", pipeline => Build(pipeline, options, ShouldRetryJdAsync));
        return services;
    }

    private static void Build(
        ResiliencePipelineBuilder<HttpResponseMessage> pipeline, PlatformClientOptions options, Func<RetryPredicateArguments<HttpResponseMessage>, ValueTask<bool>> shouldRetry)
    {
        pipeline.AddTimeout(options.TotalTimeout);
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetryAttempts,
            Delay = options.RetryBaseDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = shouldRetry,
        });
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions());
        pipeline.AddTimeout(options.AttemptTimeout);
    }

    /// <summary>JOS answers its own failures with HTTP 200 and no transient code we could trust: only transient HTTP outcomes are retried.</summary>
    private static ValueTask<bool> ShouldRetryJdAsync(RetryPredicateArguments<HttpResponseMessage> args) =>
        ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome));

    private static async ValueTask<bool> ShouldRetryTopAsync(RetryPredicateArguments<HttpResponseMessage> args)
    {
        if (HttpClientResiliencePredicates.IsTransient(args.Outcome))
        {
            return true;
        }

        if (args.Outcome.Result is not { IsSuccessStatusCode: true } response)
        {
            return false;
        }

        // Buffered, so the adapter can still read the answer the pipeline looked at.
        await response.Content.LoadIntoBufferAsync(args.Context.CancellationToken);
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(args.Context.CancellationToken));
            return TopError.From(document.RootElement)?.IsTransient == true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
