using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Domain.MasterData;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Persistence.Configurations;

internal sealed class SalesOrderConfiguration : IEntityTypeConfiguration<SalesOrder>
{
    public void Configure(EntityTypeBuilder<SalesOrder> builder)
    {
        builder.Property(o => o.PlatformOrderId).HasMaxLength(64);
        builder.HasIndex(o => new { o.ShopId, o.PlatformOrderId }).IsUnique();

        // Review rules count a buyer's recent orders on the platform.
        builder.Property(o => o.BuyerNick).HasMaxLength(128);
        builder.HasIndex(o => new { o.BuyerNick, o.ReceivedAt });
        builder.HasIndex(o => new { o.Status, o.PayTime });

        // The order list filtered by shop and status, newest first; waves take a warehouse's waiting orders by pay time.
        builder.HasIndex(o => new { o.ShopId, o.Status, o.Id });
        builder.HasIndex(o => new { o.WarehouseId, o.Status, o.PayTime });

        // The orders screen's search: each whole value it matches has an index (tracking numbers: the waybills'), so a
        // search is a few index seeks OR-ed together.
        builder.HasIndex(o => o.PlatformOrderId);
        builder.HasIndex(o => o.ReceiverMobile);
        builder.HasIndex(o => o.ReceiverName);
        builder.Property(o => o.ReceiverName).HasMaxLength(PlatformOrderLimits.NameLength);
        builder.Property(o => o.ReceiverMobile).HasMaxLength(PlatformOrderLimits.MobileLength);
        builder.Property(o => o.PlatformStatus).HasMaxLength(64);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(o => o.ExceptionKind).HasConversion<string>().HasMaxLength(32);
        builder.Ignore(o => o.FlaggedChange);
        builder.Property(o => o.ExceptionDetail).HasMaxLength(2000);
        builder.Property(o => o.ReceiverAddress).HasMaxLength(512);
        builder.Property(o => o.BuyerMessage).HasMaxLength(1000);
        builder.Property(o => o.SellerMemo).HasMaxLength(1000);
        builder.Property(o => o.BlockReason).HasMaxLength(2000);
        builder.Property(o => o.TrackingNumber).HasMaxLength(64);
        builder.Property(o => o.Fingerprint).HasMaxLength(64);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasOne<Shop>().WithMany().HasForeignKey(o => o.ShopId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Lines).AutoInclude();
        builder.Ignore(o => o.IsPastReview);
    }
}

internal sealed class ExceptionQueueEntryConfiguration : IEntityTypeConfiguration<ExceptionQueueEntry>
{
    public void Configure(EntityTypeBuilder<ExceptionQueueEntry> builder)
    {
        // At most one open exception per order, whoever raises it and however two raise it at once.
        builder.HasIndex(e => e.OrderId).IsUnique().HasFilter("\"ResolvedAt\" IS NULL").HasDatabaseName("IX_ExceptionQueue_OpenPerOrder");
        builder.HasIndex(e => new { e.OrderId, e.RaisedAt });
        builder.HasIndex(e => new { e.ResolvedAt, e.Kind, e.ShopId });
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.StatusBefore).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Detail).HasMaxLength(2000);
        builder.Property(e => e.Stage).HasMaxLength(100);
        builder.Property(e => e.Bookmark).HasMaxLength(100);
        builder.Property(e => e.RaisedBy).HasMaxLength(100);
        builder.Property(e => e.ResolvedBy).HasMaxLength(100);
        builder.Property(e => e.Resolution).HasMaxLength(2000);
        builder.Ignore(e => e.IsOpen);
        builder.HasOne<SalesOrder>().WithMany().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}
