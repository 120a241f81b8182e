using Orchestrator.Persistence.Rules;
using Orchestrator.Rules;

namespace Orchestrator.Lifecycle.Review;

/// <summary>
/// A compiled draft that stands in for one scope's published set during a dry run or an impact preview; it is never
/// stored and applies only to the scope it names.
/// </summary>
public sealed record RuleSetOverride(RuleScopeKind Kind, long ScopeId, CompiledRuleSet Compiled)
{
    public bool Replaces(RuleScopeKind kind, long scopeId) => Kind == kind && ScopeId == scopeId;
}
