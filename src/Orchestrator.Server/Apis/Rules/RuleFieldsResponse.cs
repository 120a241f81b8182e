namespace Orchestrator.Server.Apis.Rules;

/// <summary>What the designer's condition builder offers: fields with types, operators per type, actions.</summary>
internal sealed record RuleFieldsResponse(
    IReadOnlyList<RuleFieldResponse> Fields, IReadOnlyDictionary<string, IReadOnlyList<string>> Operators, IReadOnlyList<string> Actions);

internal sealed record RuleFieldResponse(string Name, string Type, string Description);
