using System.Text.Json;

namespace Orchestrator.Integrations.Platforms.Jd;

/// <summary>A JOS <c>error_response</c> (<c>code</c>, <c>zh_desc</c>, <c>en_desc</c>), answered with HTTP 200 like TOP's.</summary>
public sealed record JdError(string Code, string? ZhDesc, string? EnDesc)
{
    public override string ToString() => $"JD error {Code} {EnDesc ?? ZhDesc}";

    public static JdError? From(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error_response", out var error) && error.ValueKind == JsonValueKind.Object
            ? new JdError(
                error.TryGetProperty("code", out var code) ? code.ToString() : "",
                Text(error, "zh_desc"), Text(error, "en_desc"))
            : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
