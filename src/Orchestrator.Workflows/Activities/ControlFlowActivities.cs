namespace Orchestrator.Workflows.Activities;

/// <summary>The control-flow activities every workflow may use, whatever its domain.</summary>
public static class ControlFlowActivities
{
    public const string Category = "Control flow";

    public static readonly ActivityDescriptor Start = new("Start", Category, "Start", [], ["Done"], IsStart: true);

    public static readonly ActivityDescriptor Finish = new("Finish", Category, "Finish", [], []);

    public static readonly ActivityDescriptor Decision = new("Decision", Category, "Decision",
        [new InputDescriptor("condition", "Condition", InputType.Condition, IsRequired: true, "A condition over order fields or variables.")],
        ["True", "False"]);

    public static readonly ActivityDescriptor SetVariable = new("SetVariable", Category, "Set variable",
        [new InputDescriptor("variable", "Variable", InputType.Text, IsRequired: true), new InputDescriptor("value", "Value", InputType.Json)],
        ["Done"]);

    public static readonly ActivityDescriptor Delay = new("Delay", Category, "Delay",
        [new InputDescriptor("duration", "Duration", InputType.Duration, IsRequired: true, "How long to wait, e.g. 00:30:00.")],
        ["Done"], SuspendsOnBookmark: true);

    public static IReadOnlyList<ActivityDescriptor> All { get; } = [Start, Finish, Decision, SetVariable, Delay];
}
