using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Audit;
using Orchestrator.Persistence.ReferenceData;
using Orchestrator.Persistence.Rules;
using Orchestrator.Rules;

namespace Orchestrator.Lifecycle.Review;

/// <summary>Rule sets per scope as immutable versions: reads the current one, publishes edits, hands out compiled sets.</summary>
public sealed class RuleSetStore(OrchestratorDbContext db, ReferenceDataCache reference, RuleSetCache cache, TimeProvider clock)
{
    /// <summary>The current set and its version; version 0 and no rules when the scope has never had rules.</summary>
    public async Task<(RuleSet Set, int Version)> CurrentAsync(RuleScopeKind kind, long scopeId, CancellationToken ct)
    {
        var latest = await Versions(kind, scopeId).OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
        return latest is null ? (new RuleSet(), 0) : (RuleJson.Deserialize(latest.Json), latest.Version);
    }

    public Task<List<RuleSetVersionRecord>> VersionsAsync(RuleScopeKind kind, long scopeId, CancellationToken ct) =>
        Versions(kind, scopeId).OrderByDescending(r => r.Version).ToListAsync(ct);

    public Task<RuleSetVersionRecord?> VersionAsync(RuleScopeKind kind, long scopeId, int version, CancellationToken ct) =>
        Versions(kind, scopeId).FirstOrDefaultAsync(r => r.Version == version, ct);

    /// <summary>
    /// The compiled current version (compiled once per version), or null when the scope has no rules. A version that does
    /// not compile (stored before publishing compiled, or broken by an upgrade) comes back with its error instead, so
    /// review can stop the order for a person rather than fault or approve.
    /// </summary>
    public async Task<CompiledVersion?> CompiledAsync(RuleScopeKind kind, long scopeId, CancellationToken ct)
    {
        var version = await reference.RuleSetVersionAsync(db, kind, scopeId, ct);
        if (version is not { } current)
        {
            return null;
        }

        var key = CacheKey(kind, scopeId);
        var json = cache.Contains(key, current)
            ? null
            : await Versions(kind, scopeId).Where(r => r.Version == current).Select(r => r.Json).FirstAsync(ct);
        try
        {
            // Evicted between the check and here by a newer version: read this one again (rare, so synchronously).
            return new CompiledVersion(cache.GetOrCompile(key, current, () => RuleJson.Deserialize(
                json ?? Versions(kind, scopeId).Where(r => r.Version == current).Select(r => r.Json).First())), current, null);
        }
        catch (RuleSetInvalidException e)
        {
            return new CompiledVersion(null, current, string.Join("; ", e.Errors.Select(x => $"{x.Path}: {x.Describe()}")));
        }
    }

    /// <summary>
    /// Publishes <paramref name="set"/> as the version after <paramref name="basedOn"/>. Answers the errors when it does not
    /// validate, or the current version when <paramref name="basedOn"/> is stale (also when another writer wins the race).
    /// </summary>
    public async Task<PublishResult> PublishAsync(RuleScopeKind kind, long scopeId, RuleSet set, int basedOn, string change, CancellationToken ct)
    {
        var previous = await Versions(kind, scopeId).OrderByDescending(r => r.Version).Select(r => new { r.Version, r.Json }).FirstOrDefaultAsync(ct);
        var current = previous?.Version ?? 0;
        if (current != basedOn)
        {
            return PublishResult.Stale(current);
        }

        var errors = RuleSetValidator.Validate(set);
        if (errors.Count > 0)
        {
            return PublishResult.Invalid(errors);
        }

        var lint = RuleSetLinter.Lint(set, clock.GetUtcNow().UtcDateTime);
        if (lint.Errors.Count > 0)
        {
            return PublishResult.Invalid(lint.Errors);
        }

        // The published version always compiles: what does not is refused here, naming the rule, never found at review.
        CompiledRuleSet compiled;
        try
        {
            compiled = RuleSetCompiler.Compile(set);
        }
        catch (RuleSetInvalidException e)
        {
            return PublishResult.Invalid(e.Errors);
        }

        var record = new RuleSetVersionRecord
        {
            ScopeKind = kind,
            ScopeId = scopeId,
            Version = basedOn + 1,
            Json = RuleJson.Serialize(set),
            Change = change.Length <= 200 ? change : change[..200],
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.RuleSetVersions.Add(record);
        var audit = RuleSetAudit.Describe(kind, scopeId, previous?.Json, set, record.Version, record.Change);
        db.AuditEntries.Add(audit);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(record).State = EntityState.Detached;
            db.Entry(audit).State = EntityState.Detached;
            var now = await Versions(kind, scopeId).MaxAsync(r => (int?)r.Version, ct) ?? 0;
            if (now == basedOn)
            {
                // Nobody else published: this failure is not a lost race.
                throw;
            }

            return PublishResult.Stale(now);
        }

        cache.Add(CacheKey(kind, scopeId), record.Version, compiled);
        return PublishResult.Published(record.Version, set, lint.Warnings);
    }

    private static string CacheKey(RuleScopeKind kind, long scopeId) => $"{kind}:{scopeId}";

    private IQueryable<RuleSetVersionRecord> Versions(RuleScopeKind kind, long scopeId) =>
        db.RuleSetVersions.AsNoTracking().Where(r => r.ScopeKind == kind && r.ScopeId == scopeId);
}
