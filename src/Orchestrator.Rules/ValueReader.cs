using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Orchestrator.Rules;

/// <summary>Reads a condition's JSON value for its field type and operator; numbers and dates in invariant culture.</summary>
internal static class ValueReader
{
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(50);

    public static ConditionValue Read(FieldType type, string op, JsonElement? value, out string? error)
    {
        error = null;
        if (RuleOperators.IsUnary(op))
        {
            return new ConditionValue();
        }

        if (value is not { } element || element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            error = $"Operator '{op}' needs a value.";
            return new ConditionValue();
        }

        try
        {
            return op switch
            {
                RuleOperators.In or RuleOperators.NotIn => ReadSet(type, element),
                RuleOperators.Between => ReadRange(type, element),
                RuleOperators.Regex => ReadRegex(element),
                _ => ReadScalar(type, element),
            };
        }
        catch (FormatException e)
        {
            error = e.Message;
            return new ConditionValue();
        }
    }

    private static ConditionValue ReadScalar(FieldType type, JsonElement element) => type switch
    {
        FieldType.Number => new ConditionValue { Number = Number(element) },
        FieldType.Boolean => new ConditionValue { Flag = Flag(element) },
        FieldType.DateTime => new ConditionValue { Date = Date(element) },
        _ => new ConditionValue { Text = TextNormalizer.Normalize(Text(element)) },
    };

    private static ConditionValue ReadSet(FieldType type, JsonElement element)
    {
        var items = element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().ToList() : [element];
        if (items.Count == 0)
        {
            throw new FormatException("The list is empty: give at least one value.");
        }

        return type == FieldType.Number
            ? new ConditionValue { Numbers = items.Select(Number).ToHashSet() }
            : new ConditionValue { Texts = items.Select(i => TextNormalizer.Normalize(Text(i))).ToHashSet(StringComparer.Ordinal) };
    }

    private static ConditionValue ReadRange(FieldType type, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() != 2)
        {
            throw new FormatException("between takes two values: [low, high].");
        }

        var (low, high) = (element[0], element[1]);
        if (type == FieldType.DateTime)
        {
            var (from, to) = (Date(low), Date(high));
            return from <= to ? new ConditionValue { DateLow = from, DateHigh = to } : throw new FormatException("The first value of between must not be after the second.");
        }

        var (min, max) = (Number(low), Number(high));
        return min <= max ? new ConditionValue { Low = min, High = max } : throw new FormatException("The first value of between must not be greater than the second.");
    }

    private static ConditionValue ReadRegex(JsonElement element)
    {
        var pattern = element.ValueKind == JsonValueKind.String ? element.GetString()! : throw new FormatException("A regular expression must be text.");
        try
        {
            return new ConditionValue
            {
                Pattern = new Regex(TextNormalizer.Widen(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout),
            };
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"Not a valid regular expression: {e.Message}");
        }
    }

    private static string Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Number => element.GetRawText(),
        _ => throw new FormatException($"Expected text, got {element.ValueKind.ToString().ToLowerInvariant()}."),
    };

    private static decimal Number(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var number))
        {
            return number;
        }

        if (element.ValueKind == JsonValueKind.String
            && decimal.TryParse(TextNormalizer.Widen(element.GetString()).Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        throw new FormatException($"'{Shown(element)}' is not a number (write 1000.5 or 1,000.50).");
    }

    private static bool Flag(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when bool.TryParse(element.GetString(), out var flag) => flag,
        _ => throw new FormatException($"'{Shown(element)}' is not true or false."),
    };

    private static DateTime Date(JsonElement element) =>
        element.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.UtcDateTime
            : throw new FormatException($"'{Shown(element)}' is not a date and time (write 2026-11-11T00:00:00+08:00).");

    private static string Shown(JsonElement element) => element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
}
