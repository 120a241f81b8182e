namespace Orchestrator.Server.Apis.Rules;

/// <summary>What the designer's condition builder offers: fields with types (and pick lists), operators per type, actions.</summary>
internal sealed record RuleFieldsResponse(
    IReadOnlyList<RuleFieldResponse> Fields, IReadOnlyDictionary<string, IReadOnlyList<string>> Operators, IReadOnlyList<string> Actions);

/// <summary>A field; <c>choices</c> are the standard values (provinces, cities: full name and short name) offered as a pick list.</summary>
internal sealed record RuleFieldResponse(string Name, string Type, string Description, IReadOnlyList<RuleFieldChoiceResponse>? Choices);

/// <summary>A standard value; <c>province</c> (a full name) is the province a city lies in, null for provinces.</summary>
internal sealed record RuleFieldChoiceResponse(string Value, string ShortName, string? Province);
