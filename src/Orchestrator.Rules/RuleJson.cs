using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Rules;

/// <summary>How rule sets are stored and exchanged: camelCase, enums by name, Chinese kept readable.</summary>
public static class RuleJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(RuleSet set) => JsonSerializer.Serialize(set, Options);

    public static RuleSet Deserialize(string json) => JsonSerializer.Deserialize<RuleSet>(json, Options) ?? new RuleSet();
}
