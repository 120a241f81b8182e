using System.Collections.Concurrent;

namespace Orchestrator.Rules;

/// <summary>
/// Compiled rule sets by (scope, version). Versions are immutable, so a compiled one never goes stale; when a newer
/// version of a scope compiles, older ones leave the cache (evaluations already holding them finish on them).
/// </summary>
public sealed class RuleSetCache
{
    private readonly ConcurrentDictionary<(string Scope, int Version), Lazy<CompiledRuleSet>> _compiled = new();

    public CompiledRuleSet GetOrCompile(string scope, int version, Func<RuleSet> load)
    {
        var compiled = _compiled.GetOrAdd((scope, version), _ => new Lazy<CompiledRuleSet>(() => RuleSetCompiler.Compile(load()))).Value;
        foreach (var key in _compiled.Keys.Where(k => k.Scope == scope && k.Version < version))
        {
            _compiled.TryRemove(key, out _);
        }

        return compiled;
    }

    public bool Contains(string scope, int version) => _compiled.ContainsKey((scope, version));
}
