using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Domain.Catalog;
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

internal sealed class PackageConfiguration : IEntityTypeConfiguration<Package>
{
    public void Configure(EntityTypeBuilder<Package> builder)
    {
        builder.HasIndex(p => new { p.OrderId, p.Sequence }).IsUnique();
        builder.HasIndex(p => new { p.WarehouseId, p.Status });
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.TrackingNumber).HasMaxLength(64);
        builder.HasOne<SalesOrder>().WithMany().HasForeignKey(p => p.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(p => p.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Lines).WithOne().HasForeignKey(l => l.PackageId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Lines).AutoInclude();
    }
}

internal sealed class PackageLineConfiguration : IEntityTypeConfiguration<PackageLine>
{
    public void Configure(EntityTypeBuilder<PackageLine> builder)
    {
        builder.Property(l => l.MerchantCode).HasMaxLength(64);
        builder.HasOne<Goods>().WithMany().HasForeignKey(l => l.GoodsId).OnDelete(DeleteBehavior.Restrict);
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
