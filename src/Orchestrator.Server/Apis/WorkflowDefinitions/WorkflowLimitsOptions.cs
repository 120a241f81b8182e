namespace Orchestrator.Server.Apis.WorkflowDefinitions;

/// <summary>
/// The <c>Workflows</c> configuration section's size limits: a definition past them is refused outright (400) instead of
/// being stored as a draft with errors, so nobody can park a million activities in the database.
/// </summary>
public sealed class WorkflowLimitsOptions
{
    public const string Section = "Workflows";

    public int MaxActivities { get; set; } = 2_000;

    public int MaxConnections { get; set; } = 10_000;
}
