using System.Text.Json.Serialization;
using Orchestrator.Rules;

namespace Orchestrator.Server.Apis.Rules;

/// <summary>
/// A scope's current rules and the version to send back with the next edit; after an edit, what the linter warns of
/// (rules that can never run, for instance) without refusing it.
/// </summary>
internal sealed record RuleSetResponse(string Scope, long ScopeId, int Version, IReadOnlyList<ReviewRule> Rules)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RuleWarningResponse>? Warnings { get; init; }
}

/// <summary>One lint warning: where, which rule, and what.</summary>
internal sealed record RuleWarningResponse(string Path, string? RuleId, string Message);

/// <summary>One stored version (the list leaves out the rules).</summary>
internal sealed record RuleSetVersionResponse(int Version, string Change, DateTime CreatedAt, IReadOnlyList<ReviewRule>? Rules);
