namespace Orchestrator.Rules;

/// <summary>A field rules may test: its JSON name, type, the <see cref="OrderFacts"/> property behind it and a description.</summary>
public sealed record RuleField(string Name, FieldType Type, string Property, string Description, Func<OrderFacts, object?> Read)
{
    /// <summary>Standard values the designer offers as a pick list (provinces, cities); null where any text goes.</summary>
    public IReadOnlyList<IRuleFieldChoice>? Choices { get; init; }

    /// <summary>
    /// For fields with <see cref="Choices"/>: the property holding the value spelled the standard way, which equals,
    /// notEquals, in and notIn compare against the expected values made standard by <see cref="Standardize"/>.
    /// </summary>
    internal string? StandardProperty { get; init; }

    internal Func<string?, string?>? Standardize { get; init; }
}
