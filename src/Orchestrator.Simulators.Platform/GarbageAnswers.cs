using System.Text.Json.Nodes;

namespace Orchestrator.Simulators.Platform;

/// <summary>The garbage faults: answers with HTTP 200 that a client must not take for a success, and must not crash on.</summary>
public static class GarbageAnswers
{
    /// <summary>Null for a kind that is not garbage.</summary>
    /// <param name="responseKey">The member the platform wraps this method's answer in (<c>…_response</c>, JD's <c>…_responce</c>).</param>
    /// <param name="wrongTypes">That answer with every member the client reads given another type.</param>
    public static IResult? For(FaultKind? kind, string responseKey, JsonObject wrongTypes) => kind switch
    {
        FaultKind.NotJson => Results.Text("Service temporarily unavailable, please try again later", "text/plain"),
        FaultKind.TruncatedJson => Results.Text(Truncated(new JsonObject { [responseKey] = wrongTypes }), "application/json"),
        FaultKind.HtmlPage => Results.Text(
            "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>Tengine</center></body></html>",
            "text/html"),
        FaultKind.WrongTypes => Results.Text(new JsonObject { [responseKey] = wrongTypes }.ToJsonString(), "application/json"),
        FaultKind.ErrorBody => Results.Text("""{"success":false,"code":"500","message":"internal error, request id 0b51a3"}""", "application/json"),
        _ => null,
    };

    private static string Truncated(JsonObject answer)
    {
        var text = answer.ToJsonString();
        return text[..(text.Length / 2)];
    }
}
