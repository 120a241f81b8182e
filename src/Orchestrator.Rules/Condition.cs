using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Rules;

/// <summary>
/// Either a group (<see cref="All"/> or <see cref="Any"/> of nested conditions) or a comparison of one whitelisted
/// <see cref="Field"/> with <see cref="Value"/> by <see cref="Operator"/>. The value is data, never expression text.
/// </summary>
public sealed record Condition
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Condition>? All { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Condition>? Any { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Field { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Operator { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Value { get; init; }

    [JsonIgnore]
    public bool IsGroup => All is not null || Any is not null;

    public static Condition AllOf(params Condition[] conditions) => new() { All = conditions };

    public static Condition AnyOf(params Condition[] conditions) => new() { Any = conditions };

    public static Condition Compare(string field, string op, object? value = null) =>
        new() { Field = field, Operator = op, Value = value is null ? null : JsonSerializer.SerializeToElement(value) };
}
