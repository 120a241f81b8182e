using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Server.Hosting;

/// <summary>
/// Refuses U+0000 in any text of a request: PostgreSQL cannot store it in a text column and no platform sends it, so it is
/// a 400 naming the field on every database instead of a 500 on one of them.
/// </summary>
internal sealed class TextWithoutNulConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected text but found {reader.TokenType}.");
        }

        return Checked(reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string Checked(string text) =>
        text.Contains('\0', StringComparison.Ordinal) ? throw new TextRejectedException("Text must not contain the NUL character (U+0000).") : text;
}
