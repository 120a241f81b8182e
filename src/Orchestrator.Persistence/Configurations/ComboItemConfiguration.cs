using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Domain.Catalog;

namespace Orchestrator.Persistence.Configurations;

internal sealed class ComboItemConfiguration : IEntityTypeConfiguration<ComboItem>
{
    public void Configure(EntityTypeBuilder<ComboItem> builder)
    {
        builder.ToTable("ComboItems");
        builder.HasKey(i => new { i.ComboId, i.GoodsId });
        builder.HasOne(i => i.Goods).WithMany().HasForeignKey(i => i.GoodsId).OnDelete(DeleteBehavior.Restrict);
    }
}
