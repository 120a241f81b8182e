using System.Text.Json.Nodes;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>Review rules as the rules API takes them, for the tests that publish, dry-run or break them.</summary>
public static class RuleJson
{
    /// <summary>One condition: <c>{ field, operator, value }</c>.</summary>
    public static JsonObject Condition(string field, string op, JsonNode? value) => new() { ["field"] = field, ["operator"] = op, ["value"] = value };

    /// <summary>An <c>all</c> group of conditions.</summary>
    public static JsonObject All(params (string Field, string Op, JsonNode? Value)[] conditions) =>
        new() { ["all"] = new JsonArray([.. conditions.Select(c => (JsonNode)Condition(c.Field, c.Op, c.Value))]) };

    /// <summary>A rule whose <c>when</c> is given whole; named «规则-id» unless <paramref name="name"/> says otherwise.</summary>
    public static JsonObject Rule(string id, JsonObject when, string action = "Block", string? reason = "原因", int priority = 10, string? name = null) => new()
    {
        ["id"] = id,
        ["name"] = name ?? "规则-" + id,
        ["priority"] = priority,
        ["when"] = when,
        ["action"] = new JsonObject { ["type"] = action, ["reason"] = reason },
    };

    /// <summary>A rule with one condition.</summary>
    public static JsonObject Rule(string id, string field, string op, JsonNode? value, string action = "Block", string? reason = "原因", int priority = 10, string? name = null) =>
        Rule(id, All((field, op, value)), action, reason, priority, name);
}
