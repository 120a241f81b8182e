namespace Orchestrator.Rules;

/// <summary>A validation error: the JSON path (<c>rules[2].when.all[1].value</c>), the rule it is in, and what is wrong.</summary>
public sealed record RuleError(string Path, string? RuleId, string? RuleName, string Message)
{
    public string Describe() =>
        RuleId is null && RuleName is null ? Message : $"Rule '{RuleId}'{(string.IsNullOrEmpty(RuleName) ? "" : $" ({RuleName})")}: {Message}";
}
