namespace Orchestrator.Workflows.Activities;

/// <summary>The value kinds an activity input accepts.</summary>
public enum InputType
{
    Text,
    Number,
    Boolean,
    Duration,
    Condition,
    Json,
}
