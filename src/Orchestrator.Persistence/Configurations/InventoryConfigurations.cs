using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Domain.Catalog;
using Orchestrator.Domain.Inventory;
using Orchestrator.Domain.MasterData;

namespace Orchestrator.Persistence.Configurations;

internal sealed class StockItemConfiguration : IEntityTypeConfiguration<StockItem>
{
    public void Configure(EntityTypeBuilder<StockItem> builder)
    {
        builder.HasIndex(s => new { s.WarehouseId, s.GoodsId }).IsUnique();
        builder.HasIndex(s => s.GoodsId);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.Available);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(s => s.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Goods>().WithMany().HasForeignKey(s => s.GoodsId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_StockItems_NotNegative", "\"OnHand\" >= 0 AND \"Reserved\" >= 0"));
    }
}

internal sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> builder)
    {
        builder.HasIndex(m => new { m.WarehouseId, m.GoodsId, m.At });
        builder.Property(m => m.Reason).HasMaxLength(200);
        builder.Property(m => m.Reference).HasMaxLength(200);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(m => m.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Goods>().WithMany().HasForeignKey(m => m.GoodsId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StockReservationConfiguration : IEntityTypeConfiguration<StockReservation>
{
    public void Configure(EntityTypeBuilder<StockReservation> builder)
    {
        builder.HasIndex(r => new { r.OrderId, r.State });
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Orchestrator.Domain.Orders.SalesOrder>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(r => r.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Goods>().WithMany().HasForeignKey(r => r.GoodsId).OnDelete(DeleteBehavior.Restrict);
    }
}
