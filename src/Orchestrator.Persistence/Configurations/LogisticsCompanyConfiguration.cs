using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Domain.MasterData;

namespace Orchestrator.Persistence.Configurations;

internal sealed class LogisticsCompanyConfiguration : IEntityTypeConfiguration<LogisticsCompany>
{
    public void Configure(EntityTypeBuilder<LogisticsCompany> builder)
    {
        builder.Property(l => l.Code).HasMaxLength(64);
        builder.HasIndex(l => l.Code).IsUnique();
        builder.Property(l => l.WaybillProvider).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Version).IsConcurrencyToken();
    }
}

internal sealed class FreightRateConfiguration : IEntityTypeConfiguration<FreightRate>
{
    public void Configure(EntityTypeBuilder<FreightRate> builder)
    {
        builder.Property(r => r.Province).HasMaxLength(32);
        builder.HasIndex(r => new { r.LogisticsCompanyId, r.Province }).IsUnique();
        builder.HasOne<LogisticsCompany>().WithMany().HasForeignKey(r => r.LogisticsCompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}
