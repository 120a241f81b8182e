using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Domain.MasterData;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence.Integrations;

namespace Orchestrator.Persistence.Configurations;

internal sealed class ShopPullStateConfiguration : IEntityTypeConfiguration<ShopPullState>
{
    public void Configure(EntityTypeBuilder<ShopPullState> builder)
    {
        builder.ToTable("ShopPullStates");
        builder.HasKey(p => p.ShopId);
        builder.Property(p => p.ShopId).ValueGeneratedNever();
        builder.Property(p => p.LastError).HasMaxLength(2000);
        builder.HasOne<Shop>().WithOne().HasForeignKey<ShopPullState>(p => p.ShopId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PullRefusalConfiguration : IEntityTypeConfiguration<PullRefusal>
{
    public void Configure(EntityTypeBuilder<PullRefusal> builder)
    {
        builder.ToTable("PullRefusals");
        builder.Property(r => r.PlatformOrderId).HasMaxLength(PlatformOrderLimits.IdLength);
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.HasIndex(r => new { r.ShopId, r.PlatformOrderId }).IsUnique();
        builder.HasIndex(r => new { r.ShopId, r.LastRefusedAt });
        builder.HasOne<Shop>().WithMany().HasForeignKey(r => r.ShopId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StockSyncSettingsConfiguration : IEntityTypeConfiguration<StockSyncSettings>
{
    public void Configure(EntityTypeBuilder<StockSyncSettings> builder)
    {
        builder.ToTable("StockSyncSettings");
        builder.HasKey(s => s.ShopId);
        builder.Property(s => s.ShopId).ValueGeneratedNever();
        builder.HasOne<Shop>().WithOne().HasForeignKey<StockSyncSettings>(s => s.ShopId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StockSyncItemConfiguration : IEntityTypeConfiguration<StockSyncItem>
{
    public void Configure(EntityTypeBuilder<StockSyncItem> builder)
    {
        builder.ToTable("StockSyncItems");
        builder.Property(i => i.MerchantCode).HasMaxLength(64);
        builder.Property(i => i.NormalizedMerchantCode).HasMaxLength(64);
        builder.Property(i => i.LastError).HasMaxLength(2000);
        builder.HasIndex(i => new { i.ShopId, i.NormalizedMerchantCode }).IsUnique();
        builder.HasIndex(i => new { i.IsPending, i.NextAttemptAt });
        builder.HasIndex(i => i.NormalizedMerchantCode);
        builder.HasOne<Shop>().WithMany().HasForeignKey(i => i.ShopId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StockChangeConfiguration : IEntityTypeConfiguration<StockChange>
{
    public void Configure(EntityTypeBuilder<StockChange> builder) => builder.ToTable("StockChanges");
}
