namespace Orchestrator.Persistence.Audit;

/// <summary>
/// How the save interceptor audits one entity type: its name, its id (a natural key, or the database id when
/// <paramref name="NaturalId"/> is null), which fields count, and whether creation and the workflow's routine steps do.
/// <paramref name="ContentOnlyWith"/> maps a bulky field to the field that says its content changed (a definition's JSON
/// is rewritten when it is published, but only a new hash is a new content). <paramref name="Summary"/> names what the
/// fields alone do not say, e.g. which version of a workflow an entry concerns.
/// </summary>
internal sealed record AuditedType(
    Type ClrType,
    string Name,
    Func<object, string>? NaturalId,
    Func<string, bool> Audits,
    bool AuditsCreation = true,
    bool SkippedWhenRoutine = false,
    (string Field, string Hash)? ContentOnlyWith = null,
    Func<object, string>? Summary = null);
