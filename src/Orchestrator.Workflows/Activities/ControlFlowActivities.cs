namespace Orchestrator.Workflows.Activities;

/// <summary>The control-flow activities every workflow may use, whatever its domain.</summary>
public static class ControlFlowActivities
{
    public const string Category = "Control flow";

    public static readonly ActivityDescriptor Start = new("Start", Category, "Start", [], ["Done"], IsStart: true,
        Description: "Where every instance begins.");

    public static readonly ActivityDescriptor Finish = new("Finish", Category, "Finish", [], [], EndsWorkflow: true,
        Description: "Ends the instance, cancelling any branch still waiting.");

    public static readonly ActivityDescriptor Decision = new("Decision", Category, "Decision",
        [new InputDescriptor("condition", "Condition", InputType.Condition, IsRequired: true,
            "{ \"left\": \"order.payment\" or \"variables.x\", \"operator\": \"eq|ne|gt|ge|lt|le|contains|isEmpty|isNotEmpty\", \"right\": value }.")],
        ["True", "False"], Description: "Follows True or False by a condition over order fields or variables.");

    public static readonly ActivityDescriptor SetVariable = new("SetVariable", Category, "Set variable",
        [new InputDescriptor("variable", "Variable", InputType.Text, IsRequired: true), new InputDescriptor("value", "Value", InputType.Json)],
        ["Done"], Description: "Stores a value in a workflow variable.");

    public static readonly ActivityDescriptor Delay = new("Delay", Category, "Delay",
        [new InputDescriptor("duration", "Duration", InputType.Duration, IsRequired: true, "How long to wait, e.g. 00:30:00.")],
        ["Done"], SuspendsOnBookmark: true, Description: "Waits for a time span (a durable timer that survives restarts).");

    public static readonly ActivityDescriptor Fork = new("Fork", Category, "Fork", [], ["Done"],
        Description: "Starts every activity connected to its Done port, side by side.", FansOut: true);

    public static readonly ActivityDescriptor Join = new("Join", Category, "Join",
        [new InputDescriptor("mode", "Mode", InputType.Text, Description: "WaitAll (default): continue when every incoming connection has arrived; WaitAny: continue on the first.")],
        ["Done"], Description: "Waits for parallel branches to meet.");

    public static IReadOnlyList<ActivityDescriptor> All { get; } = [Start, Finish, Decision, SetVariable, Delay, Fork, Join];
}
