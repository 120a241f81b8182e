using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Orchestrator.Persistence.Audit;

/// <summary>Turns one tracked entry of an audited type into its audit entry: the fields that count, from and to.</summary>
internal static class TrackedChanges
{
    /// <summary>The entry for <paramref name="entry"/>, or null when nothing audited changed (or its creation is not audited).</summary>
    public static AuditEntry? Describe(EntityEntry entry, AuditedType type, string actor, DateTime at)
    {
        var action = entry.State switch
        {
            EntityState.Added => AuditAction.Created,
            EntityState.Deleted => AuditAction.Deleted,
            _ => AuditAction.Updated,
        };
        if (action == AuditAction.Created && !type.AuditsCreation)
        {
            return null;
        }

        var changes = new List<AuditChange>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (!type.Audits(name) || (action == AuditAction.Updated && type.ContentOnlyWith is { } content && content.Field == name && !Changed(entry.Property(content.Hash))))
            {
                continue;
            }

            var (from, to) = action switch
            {
                AuditAction.Created => (null, property.CurrentValue),
                AuditAction.Deleted => (property.OriginalValue, null),
                _ when Changed(property) => (property.OriginalValue, property.CurrentValue),
                _ => (null, null),
            };
            if (!Equals(from, to))
            {
                changes.Add(AuditChange.Of(JsonNamingPolicy.CamelCase.ConvertName(name), from, to));
            }
        }

        if (changes.Count == 0 && action == AuditAction.Updated)
        {
            return null;
        }

        return new AuditEntry
        {
            At = at,
            Actor = actor,
            EntityType = type.Name,
            EntityId = type.NaturalId?.Invoke(entry.Entity) ?? Id(entry),
            Action = action,
            Changes = AuditChange.Serialize(changes),
            Summary = type.Summary?.Invoke(entry.Entity),
        };
    }

    /// <summary>One row of a parent's list as a change of the parent, e.g. <c>items.12.quantity</c> from 1 to 2 (null when added or removed).</summary>
    public static AuditChange? DescribeChild(EntityEntry entry, AuditedChild child)
    {
        var value = entry.Property(child.Value);
        var (from, to) = entry.State switch
        {
            EntityState.Added => (null, value.CurrentValue),
            EntityState.Deleted => (value.OriginalValue, null),
            _ => (value.OriginalValue, value.CurrentValue),
        };
        return Equals(from, to) ? null : AuditChange.Of(child.Field(entry.Entity), from, to);
    }

    /// <summary>The database id of a record keyed by it (known once it is inserted).</summary>
    public static string Id(EntityEntry entry) => Convert.ToString(entry.Property("Id").CurrentValue, System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private static bool Changed(PropertyEntry property) => property.IsModified && !Equals(property.OriginalValue, property.CurrentValue);
}
