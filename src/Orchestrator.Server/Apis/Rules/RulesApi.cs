using System.Globalization;
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
        // A scope is named by its id or by its code (/api/platforms/taobao/rules), as people type platforms and shops elsewhere.
        MapScope(routes.MapGroup("/api/shops/{scope}").WithTags("Rules"), RuleScopeKind.Shop);
        MapScope(routes.MapGroup("/api/platforms/{scope}").WithTags("Rules"), RuleScopeKind.Platform);
        routes.MapRuleDryRunApi();
        routes.MapGet("/api/rules/fields", Fields).WithTags("Rules").ForReaders();
        return routes;
    }

    private static void MapScope(RouteGroupBuilder group, RuleScopeKind kind)
    {
        group.MapGet("/rules", (string scope, RuleSetStore store, OrchestratorDbContext db, CancellationToken ct) =>
            InScope(kind, scope, db, id => Get(kind, id, store, ct), ct)).ForReaders();
        group.MapPost("/rules", (string scope, RuleWriteRequest request, RuleSetStore store, OrchestratorDbContext db, CancellationToken ct) =>
            InScope(kind, scope, db, id => Edit(kind, id, request.Version, store, $"create {request.Rule?.Id}", rules => Add(rules, request.Rule), ct), ct)).ForOpsLeads();
        group.MapPut("/rules/{ruleId}", (string scope, string ruleId, RuleWriteRequest request, RuleSetStore store, OrchestratorDbContext db, CancellationToken ct) =>
            InScope(kind, scope, db, id => Edit(kind, id, request.Version, store, $"update {ruleId}", rules => Replace(rules, ruleId, request.Rule), ct), ct)).ForOpsLeads();
        group.MapDelete("/rules/{ruleId}", (string scope, string ruleId, int? version, RuleSetStore store, OrchestratorDbContext db, CancellationToken ct) =>
            InScope(kind, scope, db, id => Edit(kind, id, version, store, $"delete {ruleId}", rules => Change(rules, ruleId, _ => null), ct), ct)).ForOpsLeads();
        group.MapPost("/rules/{ruleId}:enable", (string scope, string ruleId, RuleVersionRequest request, RuleSetStore store, OrchestratorDbContext db, CancellationToken ct) =>
            InScope(kind, scope, db, id => Edit(kind, id, request.Version, store, $"enable {ruleId}", rules => Change(rules, ruleId, r => r with { Enabled = true }), ct), ct)).ForOpsLeads();
        group.MapPost("/rules/{ruleId}:disable", (string scope, string ruleId, RuleVersionRequest request, RuleSetStore store, OrchestratorDbContext db, CancellationToken ct) =>
            InScope(kind, scope, db, id => Edit(kind, id, request.Version, store, $"disable {ruleId}", rules => Change(rules, ruleId, r => r with { Enabled = false }), ct), ct)).ForOpsLeads();
        group.MapPost("/rules:reorder", (string scope, RuleReorderRequest request, RuleSetStore store, OrchestratorDbContext db, CancellationToken ct) =>
            InScope(kind, scope, db, id => Edit(kind, id, request.Version, store, "reorder", rules => Reorder(rules, request.RuleIds), ct), ct)).ForOpsLeads();
        group.MapPost("/rules:import", (string scope, RuleImportRequest request, RuleSetStore store, OrchestratorDbContext db, CancellationToken ct) =>
            InScope(kind, scope, db, id => Edit(kind, id, request.Version, store, "import", _ => (request.Rules ?? [], null), ct), ct)).ForOpsLeads();
        group.MapGet("/rules:export", (string scope, RuleSetStore store, OrchestratorDbContext db, CancellationToken ct) =>
            InScope(kind, scope, db, async id => Results.Json((await store.CurrentAsync(kind, id, ct)).Set, RuleJson.Options), ct)).ForReaders();
        group.MapGet("/rules/versions", (string scope, RuleSetStore store, OrchestratorDbContext db, CancellationToken ct) =>
            InScope(kind, scope, db, async id => Results.Ok((await store.VersionsAsync(kind, id, ct))
                .Select(v => new RuleSetVersionResponse(v.Version, v.Change, v.CreatedAt, null))), ct)).ForReaders();
        group.MapGet("/rules/versions/{version:int}", (string scope, int version, RuleSetStore store, OrchestratorDbContext db, CancellationToken ct) =>
            InScope(kind, scope, db, async id => await store.VersionAsync(kind, id, version, ct) is { } v
                ? Results.Ok(new RuleSetVersionResponse(v.Version, v.Change, v.CreatedAt, RuleJson.Deserialize(v.Json).Rules))
                : Problems.NotFound("Rule-set version", version), ct)).ForReaders();
    }

    private static async Task<IResult> Get(RuleScopeKind kind, long scopeId, RuleSetStore store, CancellationToken ct)
    {
        var (set, version) = await store.CurrentAsync(kind, scopeId, ct);
        return Results.Ok(new RuleSetResponse(kind.ToString(), scopeId, version, set.Rules));
    }

    private static async Task<IResult> Edit(
        RuleScopeKind kind, long scopeId, int? version, RuleSetStore store, string change,
        Func<List<ReviewRule>, (IReadOnlyList<ReviewRule> Rules, IResult? Problem)> edit, CancellationToken ct)
    {
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
            : Results.Ok(new RuleSetResponse(kind.ToString(), scopeId, result.Version, result.Set!.Rules)
            {
                Warnings = result.Warnings.Select(w => new RuleWarningResponse(w.Path, w.RuleId, w.Describe())).ToList(),
            });
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
        RuleFields.All.Select(f => new RuleFieldResponse(
            f.Name, f.Type.ToString(), f.Description, f.Choices?.Select(c => new RuleFieldChoiceResponse(c.FullName, c.ShortName, c.Province)).ToList())).ToList(),
        RuleFields.Operators.ToDictionary(o => o.Key.ToString(), o => o.Value),
        Enum.GetNames<RuleActionType>());

    /// <summary>Runs <paramref name="handle"/> for the scope named by id or code, or answers 404 naming what was asked for.</summary>
    internal static async Task<IResult> InScope(RuleScopeKind kind, string scope, OrchestratorDbContext db, Func<long, Task<IResult>> handle, CancellationToken ct)
    {
        var byId = long.TryParse(scope, NumberStyles.None, CultureInfo.InvariantCulture, out var id);
        long? found = kind == RuleScopeKind.Shop
            ? await db.Shops.Where(s => byId ? s.Id == id : s.Code == scope).Select(s => (long?)s.Id).FirstOrDefaultAsync(ct)
            : await db.Platforms.Where(p => byId ? p.Id == id : p.Code == scope).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
        return found is { } scopeId ? await handle(scopeId) : Problems.NotFound(kind == RuleScopeKind.Shop ? "Shop" : "Platform", scope);
    }
}
