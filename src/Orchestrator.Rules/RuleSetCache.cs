using System.Collections.Concurrent;

namespace Orchestrator.Rules;

/// <summary>
/// Compiled rule sets by (scope, version). Versions are immutable, so a compiled one never goes stale; when a newer
/// version of a scope compiles, older ones leave the cache (evaluations already holding them finish on them).
/// </summary>
public sealed class RuleSetCache
{
    private readonly ConcurrentDictionary<(string Scope, int Version), Lazy<CompiledRuleSet>> _compiled = new();

    /// <summary>
    /// The compiled version, compiled once. A compile that fails is not kept: the next call tries again, so a fault that
    /// has passed (or a fixed compiler) does not leave the scope failing until a restart.
    /// </summary>
    public CompiledRuleSet GetOrCompile(string scope, int version, Func<RuleSet> load)
    {
        var key = (scope, version);
        var lazy = _compiled.GetOrAdd(key, _ => new Lazy<CompiledRuleSet>(() => RuleSetCompiler.Compile(load())));
        CompiledRuleSet compiled;
        try
        {
            compiled = lazy.Value;
        }
        catch
        {
            _compiled.TryRemove(new KeyValuePair<(string, int), Lazy<CompiledRuleSet>>(key, lazy));
            throw;
        }

        Evict(scope, version);
        return compiled;
    }

    /// <summary>Keeps a version compiled at publish, so the first review after it does not compile it again.</summary>
    public void Add(string scope, int version, CompiledRuleSet compiled)
    {
        _compiled[(scope, version)] = new Lazy<CompiledRuleSet>(compiled);
        Evict(scope, version);
    }

    private void Evict(string scope, int version)
    {
        foreach (var old in _compiled.Keys.Where(k => k.Scope == scope && k.Version < version))
        {
            _compiled.TryRemove(old, out _);
        }
    }

    public bool Contains(string scope, int version) => _compiled.ContainsKey((scope, version));
}
