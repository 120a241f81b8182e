using System.Text.Json;
using Orchestrator.Workflows.Execution.ControlFlow;

namespace Orchestrator.Workflows.Validation;

/// <summary>
/// A condition input <c>{ left, operator, right }</c> against the field catalogue: <c>left</c> a known field (or a variable),
/// the operator one its type takes. A misspelt field would otherwise be saved and only fail when an order reaches it.
/// </summary>
internal static class ConditionChecks
{
    public const string Shape = "must be { \"left\": \"order.payment\" or \"variables.x\", \"operator\": \"gt\", \"right\": 100 }.";

    /// <param name="path">Where the input sits, e.g. <c>root.activities[3].condition</c>.</param>
    /// <param name="label">How messages name it, e.g. <c>Activity 'big': 'Condition'</c>.</param>
    public static DefinitionError? Check(ConditionFieldCatalog fields, JsonElement value, string path, string label, string activityId)
    {
        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty("left", out var leftValue) || leftValue.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(leftValue.GetString()))
        {
            return new("InvalidInput", path, $"{label} {Shape}", activityId);
        }

        var left = leftValue.GetString()!;
        var field = fields.Find(left);
        if (field is null && !ConditionFieldCatalog.IsVariable(left))
        {
            return new("UnknownField", $"{path}.left", $"{label} names no field '{left}'; {Hint(fields, left)}", activityId);
        }

        var operators = field is null ? DecisionActivity.Operators : ConditionFieldCatalog.Operators[field.Type];
        var op = value.TryGetProperty("operator", out var opValue) && opValue.ValueKind == JsonValueKind.String ? opValue.GetString() : null;
        if (op is null || !DecisionActivity.Operators.Contains(op))
        {
            return new("UnknownOperator", $"{path}.operator", $"{label} needs an operator, one of {string.Join(", ", operators)}.", activityId);
        }

        return operators.Contains(op)
            ? null
            : new("OperatorDoesNotFitField", $"{path}.operator",
                $"{label}: '{op}' does not apply to {field!.Name} ({field.Type}); use one of {string.Join(", ", operators)}.", activityId);
    }

    private static string Hint(ConditionFieldCatalog fields, string left)
    {
        if (fields.CloseTo(left) is { Count: > 0 } close)
        {
            return $"did you mean {string.Join(" or ", close)}?";
        }

        var prefix = left.Split('.')[0];
        var sameRoot = fields.Fields.Where(f => f.Name.StartsWith(prefix + ".", StringComparison.OrdinalIgnoreCase)).Select(f => f.Name).ToList();
        return sameRoot.Count > 0
            ? $"the {prefix} fields are {string.Join(", ", sameRoot)}."
            : $"fields start with {string.Join(" or ", fields.Prefixes.Select(p => $"'{p}.'"))}.";
    }
}
