using System.Net;
using System.Text.Json.Nodes;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>Polling an order's workflow over plain HTTP, for tests that drive a server process rather than a fixture.</summary>
public static class WorkflowPolling
{
    /// <summary>Polls <c>/api/orders/{orderId}/workflow</c> until <paramref name="reached"/> holds for the answer, and returns it.</summary>
    public static async Task<JsonObject> WaitForWorkflowAsync(this HttpClient client, long orderId, Func<JsonObject, bool> reached, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        string? last = null;
        while (DateTime.UtcNow < deadline)
        {
            var response = await client.GetAsync($"/api/orders/{orderId}/workflow");
            last = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK && JsonNode.Parse(last)!.AsObject() is var detail && reached(detail))
            {
                return detail;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Order {orderId} did not get there in {seconds} s; last: {last}");
    }
}
