using System.Text.Json.Nodes;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>Workflow definitions in the Elsa shape, built only from the control-flow activities every server knows.</summary>
public static class TestWorkflows
{
    /// <summary>Start → Finish: the smallest valid workflow.</summary>
    public static JsonObject Valid(string definitionId, string name = "测试流程") =>
        Definition(definitionId, name, [Activity("start", "Start", 0), Activity("finish", "Finish", 200)], [Connection("start", "Done", "finish")]);

    /// <summary>Start → Decision <c>check</c> without its condition → Finish, plus a Finish <c>orphan</c> nothing reaches.</summary>
    public static JsonObject Invalid(string definitionId) =>
        Definition(definitionId, "有错误的流程",
            [Activity("start", "Start", 0), Activity("check", "Decision", 100), Activity("done", "Finish", 200), Activity("orphan", "Finish", 300)],
            [Connection("start", "Done", "check"), Connection("check", "True", "done"), Connection("check", "False", "done")]);

    /// <summary>Start whose Done is connected twice, to Finish <c>done</c> and to Finish <c>also</c>: a slip only a Fork may make on purpose.</summary>
    public static JsonObject ConnectedTwice(string definitionId) =>
        Definition(definitionId, "出口连了两次的流程",
            [Activity("start", "Start", 0), Activity("done", "Finish", 200), Activity("also", "Finish", 200)],
            [Connection("start", "Done", "done"), Connection("start", "Done", "also")]);

    /// <summary>Start → Decision <c>check</c> on <paramref name="left"/> <c>gt 100</c>, both outcomes → Finish.</summary>
    public static JsonObject Decision(string definitionId, string left)
    {
        var check = Activity("check", "Decision", 100);
        check["condition"] = new JsonObject { ["left"] = left, ["operator"] = "gt", ["right"] = 100 };
        return Definition(definitionId, "按金额分支的流程",
            [Activity("start", "Start", 0), check, Activity("done", "Finish", 200)],
            [Connection("start", "Done", "check"), Connection("check", "True", "done"), Connection("check", "False", "done")]);
    }

    public static IReadOnlyList<string> ActivityIdsIn(JsonNode? errors) =>
        [.. errors!.AsArray().Select(e => e?["activityId"]?.GetValue<string>()).OfType<string>().Distinct().Order(StringComparer.Ordinal)];

    private static JsonObject Definition(string definitionId, string name, JsonNode[] activities, JsonNode[] connections) => new()
    {
        ["definitionId"] = definitionId,
        ["name"] = name,
        ["version"] = 1,
        ["isPublished"] = false,
        ["variables"] = new JsonArray(),
        ["root"] = new JsonObject
        {
            ["type"] = "Flowchart",
            ["activities"] = new JsonArray(activities),
            ["connections"] = new JsonArray(connections),
        },
    };

    private static JsonObject Activity(string id, string type, double x) => new()
    {
        ["id"] = id,
        ["type"] = type,
        ["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = x, ["y"] = 0 } } },
    };

    private static JsonObject Connection(string source, string port, string target) => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target },
    };
}
