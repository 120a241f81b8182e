using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Domain.MasterData;

namespace Orchestrator.Persistence.Configurations;

internal sealed class ShopConfiguration : IEntityTypeConfiguration<Shop>
{
    public void Configure(EntityTypeBuilder<Shop> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(64);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.WorkflowDefinitionId).HasMaxLength(100);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne(s => s.Platform).WithMany().HasForeignKey(s => s.PlatformId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(s => s.DefaultWarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LogisticsCompany>().WithMany().HasForeignKey(s => s.DefaultLogisticsCompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Warehouses).WithOne().HasForeignKey(w => w.ShopId).OnDelete(DeleteBehavior.Cascade);
    }
}
