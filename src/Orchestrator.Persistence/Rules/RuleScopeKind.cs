namespace Orchestrator.Persistence.Rules;

/// <summary>Whose rule set it is: one shop's, or a platform's global set that applies to every shop on it.</summary>
public enum RuleScopeKind
{
    Shop,
    Platform,
}
