using System.Text.Json.Serialization;

namespace Orchestrator.Rules;

/// <summary>
/// The action of a rule. <see cref="Reason"/> is required for Block and RouteToException (reviewers see it); HoldUntil
/// takes <see cref="HoldMinutes"/> (counted from the payment time) or a fixed <see cref="Until"/>.
/// </summary>
public sealed record RuleAction
{
    public RuleActionType Type { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? HoldMinutes { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? Until { get; init; }
}
