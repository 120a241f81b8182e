using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Rules;
using Orchestrator.Rules;

using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.Rules;

/// <summary>Buyers per platform whose orders the <c>buyerOnBlacklist</c> rule field flags (黑名单).</summary>
internal static class BuyerBlacklistApi
{
    private const int MaxNickLength = 128;
    private const int MaxReasonLength = 500;

    public static IEndpointRouteBuilder MapBuyerBlacklistApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/platforms/{platformId:long}/blacklist").WithTags("Rules");
        group.MapGet("/", List).ForReaders();
        group.MapPost("/", Add).ForOpsLeads();
        group.MapDelete("/{entryId:long}", Remove).ForOpsLeads();
        return routes;
    }

    private static async Task<IResult> List(long platformId, OrchestratorDbContext db, CancellationToken ct) =>
        await db.Platforms.AnyAsync(p => p.Id == platformId, ct)
            ? Results.Ok(await db.BuyerBlacklist.AsNoTracking().Where(b => b.PlatformId == platformId).OrderBy(b => b.Id)
                .Select(b => new BlacklistEntryResponse(b.Id, b.BuyerNick, b.Reason, b.CreatedAt)).ToListAsync(ct))
            : Problems.NotFound("Platform", platformId);

    private static async Task<IResult> Add(long platformId, BlacklistEntryRequest request, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Platforms.AnyAsync(p => p.Id == platformId, ct))
        {
            return Problems.NotFound("Platform", platformId);
        }

        var nick = request.BuyerNick?.Trim();
        if (string.IsNullOrEmpty(nick) || nick.Length > MaxNickLength)
        {
            return Problems.Invalid("buyerNick", $"buyerNick is required, at most {MaxNickLength} characters.");
        }

        var normalized = TextNormalizer.Normalize(nick);
        if (normalized.Length > MaxNickLength)
        {
            // NFKC can lengthen text (㍿ → 株式会社); the normalized copy has a column of the same size.
            return Problems.Invalid("buyerNick", $"buyerNick is at most {MaxNickLength} characters once full-width and compatibility forms are folded.");
        }

        var reason = request.Reason?.Trim();
        if (reason?.Length > MaxReasonLength)
        {
            return Problems.Invalid("reason", $"reason has at most {MaxReasonLength} characters.");
        }

        if (await db.BuyerBlacklist.AnyAsync(b => b.PlatformId == platformId && b.NormalizedBuyerNick == normalized, ct))
        {
            return Problems.Duplicate("buyerNick", $"'{nick}' is already on this platform's blacklist.");
        }

        var entry = new BuyerBlacklistEntry
        {
            PlatformId = platformId,
            BuyerNick = nick,
            NormalizedBuyerNick = normalized,
            Reason = string.IsNullOrEmpty(reason) ? null : reason,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.BuyerBlacklist.Add(entry);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/platforms/{platformId}/blacklist/{entry.Id}", new BlacklistEntryResponse(entry.Id, entry.BuyerNick, entry.Reason, entry.CreatedAt));
    }

    // Loaded and removed through the change tracker (not a bulk delete) so the audit trail records who removed whom.
    private static async Task<IResult> Remove(long platformId, long entryId, OrchestratorDbContext db, CancellationToken ct)
    {
        if (await db.BuyerBlacklist.FirstOrDefaultAsync(b => b.PlatformId == platformId && b.Id == entryId, ct) is not { } entry)
        {
            return Problems.NotFound("Blacklist entry", entryId);
        }

        db.BuyerBlacklist.Remove(entry);
        await db.SaveChangesAsync(ct);
        return Results.NoContent();
    }
}
