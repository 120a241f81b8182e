namespace Orchestrator.Server.Apis.Activities;

/// <summary>
/// What a Decision's condition editor offers, shaped as the rules' field list: fields with types, operators per type, and
/// the operators a workflow variable (<c>variables.&lt;name&gt;</c>, of no fixed type) takes.
/// </summary>
internal sealed record ConditionFieldsResponse(
    IReadOnlyList<ConditionFieldResponse> Fields, IReadOnlyDictionary<string, IReadOnlyList<string>> Operators, IReadOnlyList<string> VariableOperators);

internal sealed record ConditionFieldResponse(string Name, string Type, string Description);
