using System.Text.Json.Nodes;

namespace Orchestrator.Workflows.Execution;

/// <summary>What an activity execution asks the interpreter to do next.</summary>
public abstract record ActivityResult
{
    public static ActivityResult Done { get; } = new Outcome("Done");

    /// <summary>Follow the connections leaving <paramref name="port"/>.</summary>
    public static ActivityResult Follow(string port, JsonNode? outputs = null) => new Outcome(port, outputs);

    /// <summary>Wait on a named bookmark until a stimulus (or, with <paramref name="dueAt"/>, a timer) resumes the activity.</summary>
    public static ActivityResult Wait(string bookmark, JsonNode? payload = null, DateTime? dueAt = null) =>
        new Suspend(bookmark, payload, dueAt);

    public sealed record Outcome(string Port, JsonNode? Outputs = null) : ActivityResult;

    public sealed record Suspend(string Bookmark, JsonNode? Payload, DateTime? DueAt) : ActivityResult;
}
