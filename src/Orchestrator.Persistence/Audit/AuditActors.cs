namespace Orchestrator.Persistence.Audit;

/// <summary>The actor names of work no person did.</summary>
public static class AuditActors
{
    /// <summary>Start-up, background jobs, and any change made with nobody signed in and nobody named.</summary>
    public const string System = "system";

    /// <summary>The workflow runtime running an instance's steps on its own.</summary>
    public const string Workflow = "workflow";
}
