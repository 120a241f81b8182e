using Microsoft.EntityFrameworkCore;
using Orchestrator.Lifecycle.Review;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Rules;
using Orchestrator.Rules;
using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.Rules;

/// <summary>Review rules per shop and per platform (global set), each edit a new immutable version; fields for the designer; dry runs.</summary>
internal static class RulesApi
{
    public static IEndpointRouteBuilder MapRulesApi(this IEndpointRouteBuilder routes)
    {
        MapScope(routes.MapGroup("/api/shops/{scopeId:long}").WithTags("Rules"), RuleScopeKind.Shop);
        MapScope(routes.MapGroup("/api/platforms/{scopeId:long}").WithTags("Rules"), RuleScopeKind.Platform);
        routes.MapRuleDryRunApi();
        routes.MapGet("/api/rules/fields", Fields).WithTags("Rules").ForReaders();
        return routes;
    }

    private static void MapScope(RouteGroupBuilder group, RuleScopeKind kind)
    {
        group.MapGet("/rules", (long scopeId, RuleSetStore store, OrchestratorDbContext db, CancellationToken ct) => Get(kind, scopeId, store, db, ct)).ForReaders();
        group.MapPost("/rules", (long scopeId, RuleWriteRequest request, RuleSetStore store, OrchestratorDbContext db, CancellationToken ct) =>
            Edit(kind, scopeId, request.Version, store, db, $"create {request.Rule?.Id}", rules => Add(rules, request.Rule), ct)).ForOpsLeads();
        group.MapPut("/rules/{ruleId}", (long scopeId, string ruleId, RuleWriteRequest request, RuleSetStore store, OrchestratorDbContext db, CancellationToken ct) =>
            Edit(kind, scopeId, request.Version, store, db, $"update {ruleId}", rules => Replace(rules, ruleId, request.Rule), ct)).ForOpsLeads();
        group.MapDelete("/rules/{ruleId}", (long scopeId, string ruleId, int? version, RuleSetStore store, OrchestratorDbContext db, CancellationToken ct) =>
            Edit(kind, scopeId, version, store, db, $"delete {ruleId}", rules => Change(rules, ruleId, _ => null), ct)).ForOpsLeads();
        group.MapPost("/rules/{ruleId}:enable", (long scopeId, string ruleId, RuleVersionRequest request, RuleSetStore store, OrchestratorDbContext db, CancellationToken ct) =>
            Edit(kind, scopeId, request.Version, store, db, $"enable {ruleId}", rules => Change(rules, ruleId, r => r with { Enabled = true }), ct)).ForOpsLeads();
        group.MapPost("/rules/{ruleId}:disable", (long scopeId, string ruleId, RuleVersionRequest request, RuleSetStore store, OrchestratorDbContext db, CancellationToken ct) =>
            Edit(kind, scopeId, request.Version, store, db, $"disable {ruleId}", rules => Change(rules, ruleId, r => r with { Enabled = false }), ct)).ForOpsLeads();
        group.MapPost("/rules:reorder", (long scopeId, RuleReorderRequest request, RuleSetStore store, OrchestratorDbContext db, CancellationToken ct) =>
            Edit(kind, scopeId, request.Version, store, db, "reorder", rules => Reorder(rules, request.RuleIds), ct)).ForOpsLeads();
        group.MapPost("/rules:import", (long scopeId, RuleImportRequest request, RuleSetStore store, OrchestratorDbContext db, CancellationToken ct) =>
            Edit(kind, scopeId, request.Version, store, db, "import", _ => (request.Rules ?? [], null), ct)).ForOpsLeads();
        group.MapGet("/rules:export", async (long scopeId, RuleSetStore store, OrchestratorDbContext db, CancellationToken ct) =>
            await ScopeMissing(kind, scopeId, db, ct) ?? Results.Json((await store.CurrentAsync(kind, scopeId, ct)).Set, RuleJson.Options)).ForReaders();
        group.MapGet("/rules/versions", async (long scopeId, RuleSetStore store, OrchestratorDbContext db, CancellationToken ct) =>
            await ScopeMissing(kind, scopeId, db, ct) ?? Results.Ok((await store.VersionsAsync(kind, scopeId, ct))
                .Select(v => new RuleSetVersionResponse(v.Version, v.Change, v.CreatedAt, null)))).ForReaders();
        group.MapGet("/rules/versions/{version:int}", async (long scopeId, int version, RuleSetStore store, OrchestratorDbContext db, CancellationToken ct) =>
            await ScopeMissing(kind, scopeId, db, ct) ?? (await store.VersionAsync(kind, scopeId, version, ct) is { } v
                ? Results.Ok(new RuleSetVersionResponse(v.Version, v.Change, v.CreatedAt, RuleJson.Deserialize(v.Json).Rules))
                : Problems.NotFound("Rule-set version", version))).ForReaders();
    }

    private static async Task<IResult> Get(RuleScopeKind kind, long scopeId, RuleSetStore store, OrchestratorDbContext db, CancellationToken ct)
    {
        if (await ScopeMissing(kind, scopeId, db, ct) is { } missing)
        {
            return missing;
        }

        var (set, version) = await store.CurrentAsync(kind, scopeId, ct);
        return Results.Ok(new RuleSetResponse(kind.ToString(), scopeId, version, set.Rules));
    }

    private static async Task<IResult> Edit(
        RuleScopeKind kind, long scopeId, int? version, RuleSetStore store, OrchestratorDbContext db, string change,
        Func<List<ReviewRule>, (IReadOnlyList<ReviewRule> Rules, IResult? Problem)> edit, CancellationToken ct)
    {
        if (await ScopeMissing(kind, scopeId, db, ct) is { } missing)
        {
            return missing;
        }

        if (version is not { } basedOn)
        {
            return Problems.Invalid("version", "version is required for an edit: send the rule-set version you read.");
        }

        var (current, currentVersion) = await store.CurrentAsync(kind, scopeId, ct);
        if (basedOn != currentVersion)
        {
            return Problems.VersionConflict($"The {kind.ToString().ToLowerInvariant()} rule set of", scopeId, basedOn, currentVersion);
        }

        var (rules, problem) = edit([.. current.Rules]);
        if (problem is not null)
        {
            return problem;
        }

        var result = await store.PublishAsync(kind, scopeId, new RuleSet { Rules = rules }, basedOn, change, ct);
        if (result.IsStale)
        {
            return Problems.VersionConflict($"The {kind.ToString().ToLowerInvariant()} rule set of", scopeId, basedOn, result.Version);
        }

        return result.Errors.Count > 0
            ? Problems.Invalid(result.Errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Describe()).ToArray()))
            : Results.Ok(new RuleSetResponse(kind.ToString(), scopeId, result.Version, result.Set!.Rules));
    }

    private static (IReadOnlyList<ReviewRule>, IResult?) Add(List<ReviewRule> rules, ReviewRule? rule)
    {
        if (rule is null)
        {
            return (rules, Problems.Invalid("rule", "rule is required."));
        }

        if (rules.Any(r => r.Id == rule.Id))
        {
            return (rules, Problems.Duplicate("rule.id", $"A rule with id '{rule.Id}' already exists; PUT …/rules/{rule.Id} to change it."));
        }

        rules.Add(rule);
        return (rules, null);
    }

    private static (IReadOnlyList<ReviewRule>, IResult?) Replace(List<ReviewRule> rules, string ruleId, ReviewRule? rule)
    {
        if (rule is null)
        {
            return (rules, Problems.Invalid("rule", "rule is required."));
        }

        if (!string.IsNullOrEmpty(rule.Id) && rule.Id != ruleId)
        {
            return (rules, Problems.Invalid("rule.id", $"The rule's id '{rule.Id}' differs from '{ruleId}' in the address; ids do not change."));
        }

        return Change(rules, ruleId, _ => rule with { Id = ruleId });
    }

    private static (IReadOnlyList<ReviewRule>, IResult?) Change(List<ReviewRule> rules, string ruleId, Func<ReviewRule, ReviewRule?> change)
    {
        var index = rules.FindIndex(r => r.Id == ruleId);
        if (index < 0)
        {
            return (rules, Problems.NotFound("Rule", ruleId));
        }

        if (change(rules[index]) is { } changed)
        {
            rules[index] = changed;
        }
        else
        {
            rules.RemoveAt(index);
        }

        return (rules, null);
    }

    private static (IReadOnlyList<ReviewRule>, IResult?) Reorder(List<ReviewRule> rules, IReadOnlyList<string>? ids)
    {
        if (ids is null || ids.Count != rules.Count || !ids.ToHashSet().SetEquals(rules.Select(r => r.Id)))
        {
            return (rules, Problems.Invalid("ruleIds", $"List every rule id once: {string.Join(", ", rules.Select(r => r.Id))}."));
        }

        return (ids.Select((id, i) => rules.Single(r => r.Id == id) with { Priority = (i + 1) * 10 }).ToList(), null);
    }

    private static RuleFieldsResponse Fields() => new(
        RuleFields.All.Select(f => new RuleFieldResponse(f.Name, f.Type.ToString(), f.Description)).ToList(),
        RuleFields.Operators.ToDictionary(o => o.Key.ToString(), o => o.Value),
        Enum.GetNames<RuleActionType>());

    private static async Task<IResult?> ScopeMissing(RuleScopeKind kind, long scopeId, OrchestratorDbContext db, CancellationToken ct) => kind switch
    {
        RuleScopeKind.Shop => await db.Shops.AnyAsync(s => s.Id == scopeId, ct) ? null : Problems.NotFound("Shop", scopeId),
        _ => await db.Platforms.AnyAsync(p => p.Id == scopeId, ct) ? null : Problems.NotFound("Platform", scopeId),
    };
}
