using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Domain.Catalog;

namespace Orchestrator.Persistence.Configurations;

internal sealed class GoodsConfiguration : IEntityTypeConfiguration<Goods>
{
    public void Configure(EntityTypeBuilder<Goods> builder)
    {
        builder.Property(g => g.MerchantCode).HasMaxLength(64);
        builder.Property(g => g.NormalizedMerchantCode).HasMaxLength(64);
        builder.HasIndex(g => g.NormalizedMerchantCode).IsUnique();
        builder.HasIndex(g => g.Barcode);
        builder.Property(g => g.Version).IsConcurrencyToken();
    }
}
