using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Domain.Catalog;

namespace Orchestrator.Persistence.Configurations;

internal sealed class ComboConfiguration : IEntityTypeConfiguration<Combo>
{
    public void Configure(EntityTypeBuilder<Combo> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(64);
        builder.Property(c => c.NormalizedCode).HasMaxLength(64);
        builder.HasIndex(c => c.NormalizedCode).IsUnique();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.ComboId).OnDelete(DeleteBehavior.Cascade);
    }
}
