namespace Orchestrator.Rules;

/// <summary>A field rules may test: its JSON name, type, the <see cref="OrderFacts"/> property behind it and a description.</summary>
public sealed record RuleField(string Name, FieldType Type, string Property, string Description, Func<OrderFacts, object?> Read);
