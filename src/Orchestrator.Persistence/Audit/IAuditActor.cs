namespace Orchestrator.Persistence.Audit;

/// <summary>Who the audit trail names for the changes saved in the current scope (one per request, grain call or job).</summary>
public interface IAuditActor
{
    /// <summary>The signed-in principal's name when there is one, else who <see cref="ActAs"/> named, else <see cref="AuditActors.System"/>.</summary>
    string Name { get; }

    /// <summary>
    /// True while the workflow runtime does its own routine steps: order and stock changes it makes are then not audited
    /// (the journal records them), so the trail holds what people and integrations did.
    /// </summary>
    bool IsRoutine { get; }

    /// <summary>Names who acts when no principal is signed in (a background job, a workflow step a person's decision resumed).</summary>
    void ActAs(string name, bool routine = false);
}
