using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Security;

namespace Orchestrator.Server.Security;

/// <summary>
/// People sign in with ASP.NET Core Identity (users in our database) and a cookie; integrations send a per-shop key in
/// <c>X-Api-Key</c>. A request with that header is judged by the key alone, any other by the cookie.
/// </summary>
internal static class SecuritySetup
{
    public const string CookieName = "Orchestrator.Auth";
    private const string EitherScheme = "CookieOrApiKey";

    public static WebApplicationBuilder AddOrchestratorSecurity(this WebApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.Configure<AuthOptions>(builder.Configuration.GetSection(AuthOptions.Section));

        builder.Services.AddIdentityCore<OrchestratorUser>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters += "@";
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole<long>>()
            .AddEntityFrameworkStores<OrchestratorDbContext>()
            .AddSignInManager();
        builder.Services.TryAddScoped<ISecurityStampValidator, SecurityStampValidator<OrchestratorUser>>();
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = auth.RecheckInterval);

        // Cookies are encrypted with a key ring kept in the database, so any server of a cluster (or a restarted one)
        // reads the cookies another issued.
        builder.Services.AddDataProtection().SetApplicationName("Orchestrator").PersistKeysToDbContext<OrchestratorDbContext>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<ApiKeyCache>();
        builder.Services.AddAuthentication(EitherScheme)
            .AddPolicyScheme(EitherScheme, "Cookie or API key", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeySecrets.Header) ? ApiKeyAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = auth.SessionLifetime;
            o.SlidingExpiration = true;
            o.Events = new CookieAuthenticationEvents
            {
                OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync,
                OnRedirectToLogin = c => WriteStatus(c.HttpContext, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = c => WriteStatus(c.HttpContext, StatusCodes.Status403Forbidden),
            };
        });

        builder.Services.AddSingleton<IAuthorizationHandler, IntakeShopHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthorizationProblems>();
        builder.Services.AddAuthorization(o =>
        {
            foreach (var (name, roles) in Policies.RolesOf)
            {
                o.AddPolicy(name, p =>
                {
                    p.RequireRole(roles);
                    if (name == Policies.Intake)
                    {
                        p.AddRequirements(new IntakeShopRequirement());
                    }
                });
            }

            // Anything mapped without a policy still needs someone signed in; the endpoint test makes sure nothing relies on this.
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        return builder;
    }

    /// <summary>After the designer's static files (which anyone may load) and before every endpoint.</summary>
    public static WebApplication UseOrchestratorSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();

        // After authentication, so intake's limiter keys on the API key's claim; after authorization, so a refused
        // caller does not spend anyone's permits.
        app.UseRateLimiter();
        return app;
    }

    private static Task WriteStatus(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}

/// <summary>The <c>Auth</c> section: the first admin and how long a sign-in lasts.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Created at start-up when the database has no user yet (<c>Auth:Admin:UserName</c>, <c>Auth:Admin:Password</c>).</summary>
    public FirstAdminOptions Admin { get; set; } = new();

    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often a signed-in cookie is checked against the user row, so a disabled user or changed roles take effect.</summary>
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class FirstAdminOptions
{
    public string? UserName { get; set; }

    public string? Password { get; set; }
}
