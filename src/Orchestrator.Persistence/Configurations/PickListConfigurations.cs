using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.MasterData;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Persistence.Configurations;

internal sealed class PickListConfiguration : IEntityTypeConfiguration<PickList>
{
    public void Configure(EntityTypeBuilder<PickList> builder)
    {
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(p => new { p.WarehouseId, p.Status });
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(p => p.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Orders).WithOne().HasForeignKey(o => o.PickListId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PickListOrderConfiguration : IEntityTypeConfiguration<PickListOrder>
{
    public void Configure(EntityTypeBuilder<PickListOrder> builder)
    {
        builder.ToTable("PickListOrders");
        builder.HasIndex(o => new { o.OpenOrderId, o.WarehouseId }).IsUnique();
        builder.HasIndex(o => o.OrderId);
        builder.HasOne<SalesOrder>().WithMany().HasForeignKey(o => o.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}
