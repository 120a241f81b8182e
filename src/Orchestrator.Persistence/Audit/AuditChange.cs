using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Orchestrator.Persistence.Audit;

/// <summary>One field of an audited record, from what to what (null when it had or has no value).</summary>
public sealed record AuditChange(string Field, JsonNode? From, JsonNode? To)
{
    // Chinese names and addresses stay readable in the stored JSON; enums are stored by name like everywhere else.
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>A change of <paramref name="field"/> between two plain values (numbers, text, enums, times).</summary>
    public static AuditChange Of(string field, object? from, object? to) => new(field, Node(from), Node(to));

    public static string Serialize(IReadOnlyList<AuditChange> changes) => JsonSerializer.Serialize(changes, Json);

    public static IReadOnlyList<AuditChange> Deserialize(string json) => JsonSerializer.Deserialize<List<AuditChange>>(json, Json) ?? [];

    private static JsonNode? Node(object? value) => value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), Json);
}
