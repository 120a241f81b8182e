using Orchestrator.Persistence.Audit;

namespace Orchestrator.Server.Apis.Audit;

/// <summary>One audit entry: who changed which record when, and each field from what to what.</summary>
public sealed record AuditEntryResponse(
    long Id, DateTime At, string Actor, string EntityType, string EntityId, AuditAction Action, IReadOnlyList<AuditChange> Changes, string? Summary)
{
    public static AuditEntryResponse From(AuditEntry e) =>
        new(e.Id, e.At, e.Actor, e.EntityType, e.EntityId, e.Action, AuditChange.Deserialize(e.Changes), e.Summary);
}
