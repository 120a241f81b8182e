namespace Orchestrator.Persistence.Audit;

/// <summary>
/// One change a person or an integration made to an audited record (see <see cref="AuditEntityTypes"/>): who, when, and
/// each field from what to what. Written in the transaction of the change itself, so a rolled-back change leaves none.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>When the change was saved (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>The signed-in user, <c>key:&lt;name&gt;</c> for an API key, or who background work acts as (see <see cref="IAuditActor"/>).</summary>
    public string Actor { get; set; } = "";

    /// <summary>One of <see cref="AuditEntityTypes.All"/>.</summary>
    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>JSON array of <see cref="AuditChange"/>: <c>[{ "field", "from", "to" }]</c>.</summary>
    public string Changes { get; set; } = "[]";

    /// <summary>Why or what, when the fields alone do not say (a stock movement's reason, a rule-set edit's description).</summary>
    public string? Summary { get; set; }

    /// <summary>
    /// An entry written by hand where the change tracker cannot see the change (conditional SQL updates, immutable
    /// versions); the save stamps its actor and time.
    /// </summary>
    public static AuditEntry Of(string entityType, string entityId, AuditAction action, IReadOnlyList<AuditChange> changes, string? summary = null) => new()
    {
        EntityType = entityType,
        EntityId = entityId,
        Action = action,
        Changes = AuditChange.Serialize(changes),
        Summary = summary is { Length: > 500 } ? summary[..500] : summary,
    };
}
