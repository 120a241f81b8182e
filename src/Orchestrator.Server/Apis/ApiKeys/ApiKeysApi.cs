using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Security;
using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.ApiKeys;

/// <summary>Integration keys per shop (admins only). The key is shown once, at creation; only its hash is kept.</summary>
internal static class ApiKeysApi
{
    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/shops/{shopId:long}/api-keys").WithTags("API keys").ForAdmins();
        group.MapGet("/", List);
        group.MapPost("/", Create).Validate<ApiKeyRequest>();
        group.MapDelete("/{keyId:long}", Revoke);
        return routes;
    }

    private static async Task<IResult> List(long shopId, OrchestratorDbContext db, CancellationToken ct)
    {
        if (!await db.Shops.AnyAsync(s => s.Id == shopId, ct))
        {
            return Problems.NotFound("Shop", shopId);
        }

        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.ShopId == shopId).OrderBy(k => k.Id).ToListAsync(ct);
        return Results.Ok(keys.Select(ApiKeyResponse.From));
    }

    private static async Task<IResult> Create(long shopId, ApiKeyRequest request, HttpContext context, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Shops.AnyAsync(s => s.Id == shopId, ct))
        {
            return Problems.NotFound("Shop", shopId);
        }

        if (await db.ApiKeys.AnyAsync(k => k.ShopId == shopId && k.Name == request.Name && k.RevokedAt == null, ct))
        {
            return Problems.Duplicate("name", $"Shop {shopId} already has a key named '{request.Name}'; revoke it or pick another name.");
        }

        var (key, prefix, hash) = ApiKeySecrets.Create();
        var row = new ApiKey
        {
            ShopId = shopId,
            Name = request.Name!,
            Prefix = prefix,
            Hash = hash,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = context.User.ActorName(),
        };
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/shops/{shopId}/api-keys/{row.Id}", new CreatedApiKey(row.Id, row.Name, ApiKeySecrets.Start(row.Prefix), key, row.CreatedAt));
    }

    private static async Task<IResult> Revoke(long shopId, long keyId, HttpContext context, OrchestratorDbContext db, ApiKeyCache cache, TimeProvider clock, CancellationToken ct)
    {
        var row = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.ShopId == shopId, ct);
        if (row is null)
        {
            return Problems.NotFound("API key", keyId);
        }

        if (row.RevokedAt is null)
        {
            row.RevokedAt = clock.GetUtcNow().UtcDateTime;
            row.RevokedBy = context.User.ActorName();
            await db.SaveChangesAsync(ct);
        }

        cache.Forget(row.Prefix);
        return Results.NoContent();
    }
}

public sealed record ApiKeyRequest(string? Name);

public sealed record CreatedApiKey(long Id, string Name, string Prefix, string Key, DateTime CreatedAt);

public sealed record ApiKeyResponse(long Id, long ShopId, string Name, string Prefix, DateTime CreatedAt, string CreatedBy, DateTime? RevokedAt, string? RevokedBy)
{
    public static ApiKeyResponse From(ApiKey k) => new(k.Id, k.ShopId, k.Name, ApiKeySecrets.Start(k.Prefix), k.CreatedAt, k.CreatedBy, k.RevokedAt, k.RevokedBy);
}

internal sealed class ApiKeyRequestValidator : AbstractValidator<ApiKeyRequest>
{
    public ApiKeyRequestValidator() => RuleFor(r => r.Name).NotEmpty().MaximumLength(64);
}
