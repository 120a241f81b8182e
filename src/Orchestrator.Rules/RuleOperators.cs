namespace Orchestrator.Rules;

/// <summary>The operator names conditions use (JSON and designer).</summary>
public static class RuleOperators
{
    public const string EqualsOp = "equals";
    public const string NotEquals = "notEquals";
    public const string In = "in";
    public const string NotIn = "notIn";
    public const string Contains = "contains";
    public const string NotContains = "notContains";
    public const string StartsWith = "startsWith";
    public const string EndsWith = "endsWith";
    public const string Regex = "regex";
    public const string Gt = "gt";
    public const string Ge = "ge";
    public const string Lt = "lt";
    public const string Le = "le";
    public const string Between = "between";
    public const string IsEmpty = "isEmpty";
    public const string IsNotEmpty = "isNotEmpty";

    /// <summary>Operators that take no value.</summary>
    public static bool IsUnary(string op) => op is IsEmpty or IsNotEmpty;

    /// <summary>Operators whose value is a list.</summary>
    public static bool TakesList(string op, FieldType type) => op is In or NotIn || (op is Between && type is not FieldType.TextList);
}
