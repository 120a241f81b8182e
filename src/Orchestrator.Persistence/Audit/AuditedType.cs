namespace Orchestrator.Persistence.Audit;

/// <summary>
/// How the save interceptor audits one entity type: its name, its id (a natural key, or the database id when
/// <paramref name="NaturalId"/> is null), which fields count, and whether creation and the workflow's routine steps do.
/// </summary>
internal sealed record AuditedType(
    Type ClrType,
    string Name,
    Func<object, string>? NaturalId,
    Func<string, bool> Audits,
    bool AuditsCreation = true,
    bool SkippedWhenRoutine = false);
