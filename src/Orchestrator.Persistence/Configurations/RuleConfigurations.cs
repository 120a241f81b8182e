using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Domain.MasterData;
using Orchestrator.Persistence.Rules;

namespace Orchestrator.Persistence.Configurations;

internal sealed class RuleSetVersionConfiguration : IEntityTypeConfiguration<RuleSetVersionRecord>
{
    public void Configure(EntityTypeBuilder<RuleSetVersionRecord> builder)
    {
        builder.ToTable("RuleSetVersions");
        builder.Property(r => r.ScopeKind).HasConversion<string>().HasMaxLength(16);

        // Two edits based on the same version race on this index: one wins, the other is a 409.
        builder.HasIndex(r => new { r.ScopeKind, r.ScopeId, r.Version }).IsUnique();
        builder.Property(r => r.Change).HasMaxLength(200);
    }
}

internal sealed class BuyerBlacklistEntryConfiguration : IEntityTypeConfiguration<BuyerBlacklistEntry>
{
    public void Configure(EntityTypeBuilder<BuyerBlacklistEntry> builder)
    {
        builder.ToTable("BuyerBlacklist");
        builder.Property(b => b.BuyerNick).HasMaxLength(128);
        builder.Property(b => b.NormalizedBuyerNick).HasMaxLength(128);
        builder.Property(b => b.Reason).HasMaxLength(500);
        builder.HasIndex(b => new { b.PlatformId, b.NormalizedBuyerNick }).IsUnique();
        builder.HasOne<Platform>().WithMany().HasForeignKey(b => b.PlatformId).OnDelete(DeleteBehavior.Cascade);
    }
}
