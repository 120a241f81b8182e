using Orchestrator.Rules;

namespace Orchestrator.Lifecycle.Review;

/// <summary>A scope's current rule-set version: compiled, or the reason it does not compile.</summary>
public sealed record CompiledVersion(CompiledRuleSet? Compiled, int Version, string? CompileError);
