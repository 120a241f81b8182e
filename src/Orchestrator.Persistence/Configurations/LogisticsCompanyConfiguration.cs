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
