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
        builder.Property(o => o.PlatformStatus).HasMaxLength(64);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(o => o.ExceptionKind).HasConversion<string>().HasMaxLength(32);
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
