using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Workflows.Activities;

namespace Orchestrator.Workflows.Execution.ControlFlow;

/// <summary>
/// Follows True or False by one condition <c>{ left, operator, right }</c>. <c>left</c> is a field path:
/// <c>variables.x</c> reads a workflow variable, any other prefix asks the <see cref="IFieldResolver"/> registered for it.
/// </summary>
public sealed class DecisionActivity : IActivity
{
    public ActivityDescriptor Descriptor => ControlFlowActivities.Decision;

    public static IReadOnlyList<string> Operators { get; } = ["eq", "ne", "gt", "ge", "lt", "le", "contains", "notContains", "in", "isEmpty", "isNotEmpty"];

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var condition = context.Input("condition") ?? throw new InvalidOperationException($"Decision '{context.Node.Id}' has no condition.");
        if (condition.ValueKind != JsonValueKind.Object
            || !condition.TryGetProperty("left", out var leftPath) || leftPath.ValueKind != JsonValueKind.String
            || !condition.TryGetProperty("operator", out var op) || op.ValueKind != JsonValueKind.String)
        {
            throw new InvalidOperationException($"Decision '{context.Node.Id}': condition must be {{ \"left\": \"field\", \"operator\": \"eq\", \"right\": value }}.");
        }

        var left = await ResolveAsync(leftPath.GetString()!, context);
        var right = condition.TryGetProperty("right", out var r) ? JsonNode.Parse(r.GetRawText()) : null;
        var holds = Evaluate(left, op.GetString()!, right);
        return ActivityResult.Follow(holds ? "True" : "False", new JsonObject { ["left"] = left?.DeepClone(), ["result"] = holds });
    }

    public static bool Evaluate(JsonNode? left, string op, JsonNode? right) => op switch
    {
        "eq" => Compare(left, right) == 0,
        "ne" => Compare(left, right) != 0,
        "gt" => Compare(left, right) > 0,
        "ge" => Compare(left, right) >= 0,
        "lt" => Compare(left, right) < 0,
        "le" => Compare(left, right) <= 0,
        "contains" => Text(left).Contains(Text(right), StringComparison.OrdinalIgnoreCase),
        "notContains" => !Text(left).Contains(Text(right), StringComparison.OrdinalIgnoreCase),
        "in" => right is JsonArray list && list.Any(item => Compare(left, item) == 0),
        "isEmpty" => IsEmpty(left),
        "isNotEmpty" => !IsEmpty(left),
        _ => throw new InvalidOperationException($"Unknown operator '{op}'; use one of {string.Join(", ", Operators)}."),
    };

    private static async ValueTask<JsonNode?> ResolveAsync(string path, ActivityContext context)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var prefix = dot < 0 ? path : path[..dot];
        var field = dot < 0 ? "" : path[(dot + 1)..];
        if (prefix == "variables")
        {
            return context.Variables.TryGetValue(field, out var value) ? value : null;
        }

        var resolvers = (IEnumerable<IFieldResolver>?)context.Services.GetService(typeof(IEnumerable<IFieldResolver>)) ?? [];
        var resolver = resolvers.FirstOrDefault(r => r.Prefix == prefix)
            ?? throw new InvalidOperationException($"Decision '{context.Node.Id}': no field '{path}'; fields start with 'variables.' or {string.Join(", ", resolvers.Select(r => $"'{r.Prefix}.'"))}.");
        return await resolver.ResolveAsync(field, context);
    }

    private static int Compare(JsonNode? left, JsonNode? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null ? 0 : left is null ? -1 : 1;
        }

        if (Number(left) is { } a && Number(right) is { } b)
        {
            return a.CompareTo(b);
        }

        if (left.GetValueKind() is JsonValueKind.True or JsonValueKind.False && right.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return left.GetValue<bool>().CompareTo(right.GetValue<bool>());
        }

        return string.Compare(Text(left), Text(right), StringComparison.OrdinalIgnoreCase);
    }

    private static decimal? Number(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Number => node.GetValue<decimal>(),
        JsonValueKind.String when decimal.TryParse(node.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonArray a => a.Count == 0,
        JsonObject o => o.Count == 0,
        _ => Text(node).Length == 0,
    };
}
