using System.Text.Json;
using Polly;

namespace Orchestrator.Integrations.Platforms;

/// <summary>
/// What TOP's and JD's routers have in common: a signed, form-encoded POST answered with JSON that may carry the
/// platform's own error object. Transport failures, HTTP errors, broken JSON and platform errors all become one
/// <see cref="PlatformCallException"/> naming the method, and so does an answer that is JSON but not the documented
/// shape (a missing member, a wrong type, another service's error body), read through <see cref="Read{T}"/>.
/// </summary>
internal static class PlatformRouter
{
    /// <param name="platformError">Reads the platform's error object from an answer; null when the call succeeded.</param>
    public static async Task<JsonDocument> PostFormAsync(
        HttpClient http, Uri url, string method, IReadOnlyDictionary<string, string> parameters, Func<JsonElement, object?> platformError,
        CancellationToken cancellationToken)
    {
        try
        {
            using var content = new FormUrlEncodedContent(parameters);
            using var response = await http.PostAsync(url, content, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new PlatformCallException($"{method}: HTTP {(int)response.StatusCode} from {url}.");
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException ex)
            {
                throw new PlatformCallException(
                    $"{method}: the answer is not valid JSON ({response.Content.Headers.ContentType?.MediaType ?? "no content type"}, {text.Length} chars, starts '{Snippet(text)}'): {ex.Message}", ex);
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new PlatformCallException($"{method}: the answer is JSON but not an object: '{Snippet(text)}'.");
            }

            if (platformError(document.RootElement) is { } error)
            {
                document.Dispose();
                throw new PlatformCallException($"{method}: {error}.");
            }

            return document;
        }
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRejectedException)
        {
            throw new PlatformCallException($"{method} to {url} failed: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Reads an answer with <paramref name="read"/>; a member that is missing or of another type than documented is a
    /// <see cref="PlatformCallException"/> that quotes the answer, never an exception a caller does not expect.
    /// </summary>
    public static T Read<T>(string method, JsonDocument answer, Func<JsonElement, T> read)
    {
        try
        {
            return read(answer.RootElement);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or JsonException or FormatException or ArgumentException)
        {
            throw new PlatformCallException($"{method}: the answer is not what the platform documents ({ex.Message}): '{Snippet(answer.RootElement.GetRawText())}'.", ex);
        }
    }

    /// <summary>The first 200 characters, on one line, for an error message.</summary>
    private static string Snippet(string text) =>
        (text.Length > 200 ? text[..200] + "…" : text).ReplaceLineEndings(" ");
}
