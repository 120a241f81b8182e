using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Audit;
using Orchestrator.Persistence.Workflows;

namespace Orchestrator.Server.Apis.WorkflowDefinitions;

/// <summary>
/// Who published each version of a definition, read from the audit trail: the entry that set a version's state to
/// Published (its summary names the version). Versions published before entries named theirs have no publisher.
/// </summary>
internal static class DefinitionPublishers
{
    private static readonly string Published = DefinitionState.Published.ToString();

    public static async Task<IReadOnlyDictionary<int, string>> OfAsync(
        OrchestratorDbContext db, string definitionId, IEnumerable<int> versions, CancellationToken ct)
    {
        var bySummary = versions.ToDictionary(AuditEntityTypes.WorkflowDefinitionVersion);
        var quoted = $"\"{Published}\"";
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == AuditEntityTypes.WorkflowDefinition && e.EntityId == definitionId && e.Summary != null && e.Changes.Contains(quoted))
            .OrderBy(e => e.Id)
            .Select(e => new { e.Summary, e.Actor, e.Changes })
            .ToListAsync(ct);
        var publishers = new Dictionary<int, string>();
        foreach (var entry in entries)
        {
            if (bySummary.TryGetValue(entry.Summary!, out var version) && PublishesIn(entry.Changes))
            {
                publishers[version] = entry.Actor;
            }
        }

        return publishers;
    }

    private static bool PublishesIn(string changes) =>
        AuditChange.Deserialize(changes).Any(c => c.Field == "state" && c.To?.GetValueKind() == System.Text.Json.JsonValueKind.String && c.To.GetValue<string>() == Published);
}
