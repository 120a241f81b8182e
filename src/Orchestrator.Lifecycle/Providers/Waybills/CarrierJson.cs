using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.MasterData;

namespace Orchestrator.Lifecycle.Providers.Waybills;

/// <summary>The plumbing the carrier clients share: post JSON with the idempotency key, read JSON back.</summary>
internal static class CarrierJson
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static async Task<JsonNode> PostAsync(HttpClient http, string path, JsonObject body, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(IdempotencyHeader, idempotencyKey);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode && (int)response.StatusCode >= 500)
        {
            throw new HttpRequestException($"{http.BaseAddress}{path.TrimStart('/')} answered {(int)response.StatusCode}: {Shorten(text)}", null, response.StatusCode);
        }

        return JsonNode.Parse(text) ?? throw new CarrierRejectedException($"{path} answered {(int)response.StatusCode} with no body.");
    }

    /// <summary>The package's goods as cargo lines: a parcel of a split order lists only what is in it.</summary>
    public static JsonArray Items(IReadOnlyList<PackageLine> goods) =>
        new([.. goods.Select(i => (JsonNode)new JsonObject { ["name"] = i.MerchantCode, ["count"] = i.Quantity })]);

    /// <summary>The warehouse's contact, or the warehouse itself when it names none: carriers refuse an empty sender.</summary>
    public static string SenderName(Warehouse sender) => string.IsNullOrWhiteSpace(sender.ContactName) ? sender.Name : sender.ContactName;

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300];
}
