using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml;
using Orchestrator.Workflows.Activities;

namespace Orchestrator.Workflows.Execution.ControlFlow;

public sealed class StartActivity : IActivity
{
    public ActivityDescriptor Descriptor => ControlFlowActivities.Start;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done);
}

public sealed class FinishActivity : IActivity
{
    public ActivityDescriptor Descriptor => ControlFlowActivities.Finish;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done);
}

/// <summary>Parallel split: the interpreter follows every connection leaving Done.</summary>
public sealed class ForkActivity : IActivity
{
    public ActivityDescriptor Descriptor => ControlFlowActivities.Fork;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done);
}

/// <summary>Parallel merge: the interpreter runs it only when the arrivals its mode asks for are in.</summary>
public sealed class JoinActivity : IActivity
{
    public ActivityDescriptor Descriptor => ControlFlowActivities.Join;

    public static bool WaitsForAny(Definitions.ActivityNode node) =>
        node.Inputs.TryGetValue("mode", out var mode) && mode.ValueKind == System.Text.Json.JsonValueKind.String
        && string.Equals(mode.GetString(), "WaitAny", StringComparison.OrdinalIgnoreCase);

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done);
}

public sealed class SetVariableActivity : IActivity
{
    public ActivityDescriptor Descriptor => ControlFlowActivities.SetVariable;

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var name = context.TextInput("variable");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidOperationException($"SetVariable '{context.Node.Id}' has no variable name.");
        }

        var value = context.Input("value") is { } raw ? JsonNode.Parse(raw.GetRawText()) : null;
        context.Variables[name] = value;
        return ValueTask.FromResult(ActivityResult.Follow("Done", new JsonObject { [name] = value?.DeepClone() }));
    }
}

/// <summary>A durable timer: suspends on a bookmark with a due time; the runtime's reminder resumes it.</summary>
public sealed class DelayActivity : IActivity
{
    public const string Bookmark = "Delay";

    public ActivityDescriptor Descriptor => ControlFlowActivities.Delay;

    public static TimeSpan ParseDuration(string text)
    {
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span))
        {
            return span;
        }

        try
        {
            return XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            throw new FormatException($"'{text}' is not a duration; write 00:30:00 or PT30M.");
        }
    }

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.Stimulus is not null)
        {
            return ValueTask.FromResult(ActivityResult.Done);
        }

        var duration = ParseDuration(context.TextInput("duration") ?? throw new InvalidOperationException($"Delay '{context.Node.Id}' has no duration."));
        var due = context.Now + duration;
        return ValueTask.FromResult(ActivityResult.Wait(Bookmark, new JsonObject { ["dueAt"] = due }, due));
    }
}
