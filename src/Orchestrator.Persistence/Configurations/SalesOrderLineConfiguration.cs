using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Persistence.Configurations;

internal sealed class SalesOrderLineConfiguration : IEntityTypeConfiguration<SalesOrderLine>
{
    public void Configure(EntityTypeBuilder<SalesOrderLine> builder)
    {
        builder.ToTable("SalesOrderLines");
        builder.Property(l => l.MerchantCode).HasMaxLength(64);
        builder.Property(l => l.MatchedMerchantCode).HasMaxLength(64);
        builder.Property(l => l.Title).HasMaxLength(512);
        builder.Property(l => l.Mapping).HasConversion<string>().HasMaxLength(16);
        builder.HasMany(l => l.Items).WithOne().HasForeignKey(i => i.LineId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Items).AutoInclude();
    }
}
