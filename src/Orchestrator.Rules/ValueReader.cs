using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Orchestrator.Rules;

/// <summary>Reads a condition's JSON value for its field type and operator; numbers and dates in invariant culture.</summary>
internal static class ValueReader
{
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(50);

    /// <summary>Where a date-time written without an offset is read, unless the set is compiled for another zone.</summary>
    public static readonly TimeZoneInfo DefaultTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // 1000.5 or 1,000.50: a comma only ever groups thousands, so 1,5 (a decimal comma) is refused rather than read as 15.
    private static readonly Regex NumberText = new(@"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$", RegexOptions.CultureInvariant);

    public static ConditionValue Read(FieldType type, string op, JsonElement? value, out string? error) => Read(type, op, value, DefaultTimeZone, out error);

    public static ConditionValue Read(FieldType type, string op, JsonElement? value, TimeZoneInfo zone, out string? error)
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
                RuleOperators.Between => ReadRange(type, element, zone),
                RuleOperators.Regex => ReadRegex(element),
                _ => ReadScalar(type, element, zone),
            };
        }
        catch (FormatException e)
        {
            error = e.Message;
            return new ConditionValue();
        }
    }

    private static ConditionValue ReadScalar(FieldType type, JsonElement element, TimeZoneInfo zone) => type switch
    {
        FieldType.Number => new ConditionValue { Number = Number(element) },
        FieldType.Boolean => new ConditionValue { Flag = Flag(element) },
        FieldType.DateTime => new ConditionValue { Date = Date(element, zone) },
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

    private static ConditionValue ReadRange(FieldType type, JsonElement element, TimeZoneInfo zone)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() != 2)
        {
            throw new FormatException("between takes two values: [low, high].");
        }

        var (low, high) = (element[0], element[1]);
        if (type == FieldType.DateTime)
        {
            var (from, to) = (Date(low, zone), Date(high, zone));
            return from <= to ? new ConditionValue { DateLow = from, DateHigh = to } : throw new FormatException("The first value of between must not be after the second.");
        }

        var (min, max) = (Number(low), Number(high));
        return min <= max ? new ConditionValue { Low = min, High = max } : throw new FormatException("The first value of between must not be greater than the second.");
    }

    private static ConditionValue ReadRegex(JsonElement element)
    {
        var pattern = element.ValueKind == JsonValueKind.String ? element.GetString()! : throw new FormatException("A regular expression must be text.");
        return new ConditionValue { Pattern = Compile(TextNormalizer.Widen(pattern)) };
    }

    /// <summary>
    /// Linear-time matching (NonBacktracking) where the pattern allows it, so a pattern such as <c>^(a+)+$</c> cannot run
    /// away; patterns that need backtracking (back-references, look-arounds) keep the timeout.
    /// </summary>
    internal static Regex Compile(string pattern)
    {
        const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        try
        {
            return new Regex(pattern, Options | RegexOptions.NonBacktracking, RegexTimeout);
        }
        catch (NotSupportedException)
        {
            return Backtracking(pattern, Options);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"Not a valid regular expression: {e.Message}");
        }
    }

    private static Regex Backtracking(string pattern, RegexOptions options)
    {
        try
        {
            return new Regex(pattern, options, RegexTimeout);
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
            && TextNormalizer.Widen(element.GetString()).Trim() is var text
            && NumberText.IsMatch(text)
            && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
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

    // A time written without an offset means the shop's wall clock (11-11 00:00 is midnight in Shanghai, not in London).
    private static DateTime Date(JsonElement element, TimeZoneInfo zone)
    {
        var text = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        if (text is not null && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var written))
        {
            return written.Kind switch
            {
                DateTimeKind.Utc => written,
                DateTimeKind.Local => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcDateTime,
                _ => zone.IsInvalidTime(written) ? throw new FormatException($"'{text}' does not exist in {zone.Id} (clocks skip it).") : TimeZoneInfo.ConvertTimeToUtc(written, zone),
            };
        }

        throw new FormatException($"'{Shown(element)}' is not a date and time (write 2026-11-11T00:00:00+08:00; without an offset it is read in {zone.Id}).");
    }

    private static string Shown(JsonElement element) => element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
}
