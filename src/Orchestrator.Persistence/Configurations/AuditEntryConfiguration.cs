using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Persistence.Audit;

namespace Orchestrator.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.Actor).HasMaxLength(128);
        builder.Property(a => a.EntityType).HasMaxLength(64);
        builder.Property(a => a.EntityId).HasMaxLength(200);
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Summary).HasMaxLength(500);

        // The trail of one record, newest first, is the question asked.
        builder.HasIndex(a => new { a.EntityType, a.EntityId, a.At });
        builder.HasIndex(a => a.At);
    }
}
