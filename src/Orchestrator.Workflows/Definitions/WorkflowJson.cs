using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Orchestrator.Workflows.Definitions;

/// <summary>The one JSON shape definitions and instance state are read and written in (camelCase, enums as names).</summary>
public static class WorkflowJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Chinese names and reasons stay readable in stored JSON and exports.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}
