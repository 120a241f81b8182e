using Orchestrator.Persistence.Audit;
using Orchestrator.Workflows.Runtime.Grains;

namespace Orchestrator.Server.Apis.Audit;

/// <summary>Carries who acts into the workflow grain a request calls, for the audit trail of what that call changes.</summary>
internal static class AuditActorExtensions
{
    /// <summary>
    /// The signed-in principal, or else the name the request states (<c>reviewer</c>, <c>by</c>), acts for the grain calls
    /// made until the returned scope ends.
    /// </summary>
    public static IDisposable ActFor(this IAuditActor actor, string? stated)
    {
        if (!string.IsNullOrWhiteSpace(stated))
        {
            actor.ActAs(stated);
        }

        return ActingPerson.Use(actor.Name);
    }
}
