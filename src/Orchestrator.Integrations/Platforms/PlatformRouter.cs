using System.Text.Json;
using Polly;

namespace Orchestrator.Integrations.Platforms;

/// <summary>
/// What TOP's and JD's routers have in common: a signed, form-encoded POST answered with JSON that may carry the
/// platform's own error object. Transport failures, HTTP errors, broken JSON and platform errors all become one
/// <see cref="PlatformCallException"/> naming the method.
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

            var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (platformError(document.RootElement) is { } error)
            {
                document.Dispose();
                throw new PlatformCallException($"{method}: {error}.");
            }

            return document;
        }
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRejectedException or JsonException)
        {
            throw new PlatformCallException($"{method} to {url} failed: {ex.Message}", ex);
        }
    }
}
