using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Security;

namespace Orchestrator.Server.Security;

/// <summary>
/// Authenticates integrations by the key in <c>X-Api-Key</c>. A key found valid is remembered for
/// <see cref="ApiKeyCache.Lifetime"/> so intake at peak does not read the key table per request; revoking removes it from
/// this server's memory at once, and other servers of a cluster stop accepting it within that lifetime.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyCache keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeySecrets.Header, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var key = values.ToString();
        var found = await keys.FindAsync(key, Context.RequestServices, Context.RequestAborted);
        if (found is null)
        {
            return AuthenticateResult.Fail("The API key is not valid or has been revoked.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, "key:" + found.Name),
                new Claim(ClaimTypes.Role, Roles.Integration),
                new Claim(AccessClaims.Key, found.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(AccessClaims.Shop, found.ShopId.ToString(CultureInfo.InvariantCulture)),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}

/// <summary>Valid keys by prefix, briefly, so the key table is not read on every intake request.</summary>
public sealed class ApiKeyCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public sealed record ValidKey(long Id, long ShopId, string Name, byte[] Hash);

    public async Task<ValidKey?> FindAsync(string key, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (ApiKeySecrets.PrefixOf(key) is not { } prefix)
        {
            return null;
        }

        if (!cache.TryGetValue(CacheKey(prefix), out ValidKey? valid))
        {
            var db = services.GetRequiredService<OrchestratorDbContext>();
            valid = await db.ApiKeys.AsNoTracking()
                .Where(k => k.Prefix == prefix && k.RevokedAt == null)
                .Select(k => new ValidKey(k.Id, k.ShopId, k.Name, k.Hash))
                .SingleOrDefaultAsync(cancellationToken);
            if (valid is null)
            {
                return null;
            }

            cache.Set(CacheKey(prefix), valid, Lifetime);
        }

        return valid is not null && ApiKeySecrets.Matches(key, valid.Hash) ? valid : null;
    }

    public void Forget(string prefix) => cache.Remove(CacheKey(prefix));

    private static string CacheKey(string prefix) => "api-key:" + prefix;
}
