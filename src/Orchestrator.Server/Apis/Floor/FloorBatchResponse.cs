using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Server.Apis.Floor;

/// <summary>What a floor batch did: how many actions succeeded and failed, and each action's outcome in the order sent.</summary>
public sealed record FloorBatchResponse(int Succeeded, int Failed, IReadOnlyList<FloorBatchResult> Results);

/// <summary>
/// One action's outcome: <c>status</c> is what the single-order endpoint would have answered (200, 400, 404, 409), or
/// 424 when an earlier action on the same order in this batch failed, so this one was not tried. <c>answer</c> (on 200) is
/// the single endpoint's answer, <c>{ order, instance, waiting }</c>; <c>problem</c> says why otherwise.
/// </summary>
public sealed record FloorBatchResult(int Index, long OrderId, string Action, int Status, RawJson? Answer, FloorBatchProblem? Problem)
{
    public bool Succeeded => Status == StatusCodes.Status200OK;
}

/// <summary>Why an action failed: as the single endpoint's problem details, with the field a 400 is about and the bookmarks a 409 found open.</summary>
public sealed record FloorBatchProblem(string Title, string Detail, string? Field = null, IReadOnlyList<string>? OpenBookmarks = null);

/// <summary>JSON text written as it is: the grain's answer is already JSON, so it is not parsed and written again.</summary>
[JsonConverter(typeof(RawJsonConverter))]
public sealed record RawJson(string Text);

internal sealed class RawJsonConverter : JsonConverter<RawJson>
{
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new RawJson(document.RootElement.GetRawText());
    }

    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) => writer.WriteRawValue(value.Text, skipInputValidation: true);
}
