namespace Orchestrator.Persistence.Audit;

/// <summary>What happened to the audited record.</summary>
public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}
