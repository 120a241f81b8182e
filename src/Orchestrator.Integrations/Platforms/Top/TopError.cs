using System.Text.Json;

namespace Orchestrator.Integrations.Platforms.Top;

/// <summary>A TOP <c>error_response</c>: TOP answers errors with HTTP 200, so the body decides.</summary>
public sealed record TopError(int Code, string? Msg, string? SubCode, string? SubMsg)
{
    /// <summary>The platform's side failed (<c>isp.*</c>), or it throttled us (7) or is unavailable (10): worth another try.</summary>
    public bool IsTransient => SubCode?.StartsWith("isp.", StringComparison.Ordinal) == true || Code is 7 or 10;

    public override string ToString() => $"TOP error {Code} {Msg}{(SubCode is null ? "" : $" ({SubCode}: {SubMsg})")}";

    public static TopError? From(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error_response", out var error) && error.ValueKind == JsonValueKind.Object
            ? new TopError(
                error.TryGetProperty("code", out var code) && code.TryGetInt32(out var number) ? number : 0,
                Text(error, "msg"), Text(error, "sub_code"), Text(error, "sub_msg"))
            : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
