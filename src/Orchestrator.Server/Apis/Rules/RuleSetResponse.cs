using Orchestrator.Rules;

namespace Orchestrator.Server.Apis.Rules;

/// <summary>A scope's current rules and the version to send back with the next edit.</summary>
internal sealed record RuleSetResponse(string Scope, long ScopeId, int Version, IReadOnlyList<ReviewRule> Rules);

/// <summary>One stored version (the list leaves out the rules).</summary>
internal sealed record RuleSetVersionResponse(int Version, string Change, DateTime CreatedAt, IReadOnlyList<ReviewRule>? Rules);
