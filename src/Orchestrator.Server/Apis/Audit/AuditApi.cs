using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Audit;
using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.Audit;

/// <summary>The audit trail: who changed which workflow, rule set, order field or stock figure, when, from what to what.</summary>
internal static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/audit").WithTags("Audit").MapGet("/", List).ForOpsLeads();
        return routes;
    }

    /// <summary>Entries newest first, filtered by record (<c>entityType</c>, <c>entityId</c>), <c>actor</c> and a time window.</summary>
    private static async Task<IResult> List(
        OrchestratorDbContext db, [AsParameters] PageQuery page, string? entityType, string? entityId, string? actor, DateTimeOffset? from,
        DateTimeOffset? to, CancellationToken ct)
    {
        if (page.Problem() is { } problem)
        {
            return problem;
        }

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(entityType))
        {
            if (AuditEntityTypes.All.FirstOrDefault(t => string.Equals(t, entityType.Trim(), StringComparison.OrdinalIgnoreCase)) is not { } type)
            {
                return Problems.Invalid("entityType", $"'{entityType}' is not an audited type: {string.Join(", ", AuditEntityTypes.All)}.");
            }

            query = query.Where(e => e.EntityType == type);
        }

        if (!string.IsNullOrWhiteSpace(entityId))
        {
            if (string.IsNullOrWhiteSpace(entityType))
            {
                return Problems.Invalid("entityId", "entityId names a record of one type: give entityType too.");
            }

            var id = entityId.Trim();
            query = query.Where(e => e.EntityId == id);
        }

        if (!string.IsNullOrWhiteSpace(actor))
        {
            var name = actor.Trim();
            query = query.Where(e => e.Actor == name);
        }

        if (from is { } since && to is { } until && until < since)
        {
            return Problems.Invalid("to", "to is before from.");
        }

        if (from is { } start)
        {
            var utc = start.UtcDateTime;
            query = query.Where(e => e.At >= utc);
        }

        if (to is { } end)
        {
            var utc = end.UtcDateTime;
            query = query.Where(e => e.At <= utc);
        }

        return Results.Ok(await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToPageAsync(page, AuditEntryResponse.From, ct));
    }
}
