namespace Orchestrator.Rules;

/// <summary>One rule: when its conditions hold, its action applies. Lower <see cref="Priority"/> runs first.</summary>
public sealed record ReviewRule
{
    /// <summary>Stable id: edits, enable/disable and reorder address the rule by it.</summary>
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public bool Enabled { get; init; } = true;

    public int Priority { get; init; }

    public Condition When { get; init; } = new();

    public RuleAction Action { get; init; } = new();
}
