using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Orchestrator.Persistence.Security;

namespace Orchestrator.Server.Hosting;

/// <summary>
/// Rate limits order intake per caller: the API key's id when the caller came with one, else the signed-in user, else the
/// remote address. The limiter runs after authorization, so a key that got this far is valid and its claim is there.
/// Each caller has its own bucket, so one key hitting its limit does not slow another. A refused request is a 429
/// problem with Retry-After.
/// </summary>
internal static class IntakeRateLimiting
{
    public const string Policy = "intake";

    public static WebApplicationBuilder AddOrchestratorRateLimiting(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(IntakeRateLimitOptions.Section).Get<IntakeRateLimitOptions>() ?? new IntakeRateLimitOptions();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context => RateLimitPartition.GetTokenBucketLimiter(CallerOf(context), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.Burst,
                TokensPerPeriod = options.PermitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
            limiter.OnRejected = RejectAsync;
        });
        return builder;
    }

    /// <summary>The partition a request counts against; prefixed so a user name can never pose as a key id.</summary>
    public static string CallerOf(HttpContext context) =>
        context.User.FindFirst(AccessClaims.Key)?.Value is { Length: > 0 } key ? "key:" + key
        : context.User.Identity?.Name is { Length: > 0 } user ? "user:" + user
        : "ip:" + context.Connection.RemoteIpAddress;

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This caller sent more orders than its intake limit allows. Retry after {seconds} s; other callers are not affected.",
            },
        });
    }
}
