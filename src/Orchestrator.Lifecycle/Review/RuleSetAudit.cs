using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Persistence.Audit;
using Orchestrator.Persistence.Rules;
using Orchestrator.Rules;

namespace Orchestrator.Lifecycle.Review;

/// <summary>
/// The audit entry of a rule-set edit: versions are immutable rows the change tracker only sees added, so the entry is
/// written by hand, one change per rule that differs (<c>rules.&lt;ruleId&gt;</c>, the whole rule from and to).
/// </summary>
public static class RuleSetAudit
{
    public static AuditEntry Describe(RuleScopeKind kind, long scopeId, string? previousJson, RuleSet next, int version, string change)
    {
        var before = Rules(previousJson is null ? new RuleSet() : RuleJson.Deserialize(previousJson));
        var after = Rules(next);
        var changes = new List<AuditChange> { AuditChange.Of("version", version - 1, version) };
        foreach (var id in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var from = before.GetValueOrDefault(id);
            var to = after.GetValueOrDefault(id);
            if (!JsonNode.DeepEquals(from, to))
            {
                changes.Add(new AuditChange($"rules.{id}", from, to));
            }
        }

        return AuditEntry.Of(AuditEntityTypes.RuleSet, AuditEntityTypes.RuleSetId(kind, scopeId),
            previousJson is null ? AuditAction.Created : AuditAction.Updated, changes, change);
    }

    private static Dictionary<string, JsonNode?> Rules(RuleSet set) =>
        set.Rules.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => JsonSerializer.SerializeToNode(g.First(), RuleJson.Options), StringComparer.Ordinal);
}
