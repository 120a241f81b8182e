using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Domain.Catalog;

namespace Orchestrator.Persistence.Configurations;

internal sealed class MerchantCodeMappingConfiguration : IEntityTypeConfiguration<MerchantCodeMapping>
{
    public void Configure(EntityTypeBuilder<MerchantCodeMapping> builder)
    {
        builder.Property(m => m.Code).HasMaxLength(64);
        builder.Property(m => m.NormalizedCode).HasMaxLength(64);
        builder.HasIndex(m => m.NormalizedCode).IsUnique();
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne<Goods>().WithMany().HasForeignKey(m => m.GoodsId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Combo>().WithMany().HasForeignKey(m => m.ComboId).OnDelete(DeleteBehavior.Restrict);
    }
}
