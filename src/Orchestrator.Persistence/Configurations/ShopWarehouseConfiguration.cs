using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Domain.MasterData;

namespace Orchestrator.Persistence.Configurations;

internal sealed class ShopWarehouseConfiguration : IEntityTypeConfiguration<ShopWarehouse>
{
    public void Configure(EntityTypeBuilder<ShopWarehouse> builder)
    {
        builder.ToTable("ShopWarehouses");
        builder.HasKey(w => new { w.ShopId, w.WarehouseId });
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(w => w.WarehouseId).OnDelete(DeleteBehavior.Restrict);
    }
}
