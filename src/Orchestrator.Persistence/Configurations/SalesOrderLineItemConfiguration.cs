using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Domain.Catalog;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Persistence.Configurations;

internal sealed class SalesOrderLineItemConfiguration : IEntityTypeConfiguration<SalesOrderLineItem>
{
    public void Configure(EntityTypeBuilder<SalesOrderLineItem> builder)
    {
        builder.ToTable("SalesOrderLineItems");
        builder.Property(i => i.MerchantCode).HasMaxLength(64);
        builder.HasOne<Goods>().WithMany().HasForeignKey(i => i.GoodsId).OnDelete(DeleteBehavior.Restrict);
    }
}
