using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Domain.MasterData;

namespace Orchestrator.Persistence.Configurations;

internal sealed class WarehouseConfiguration : IEntityTypeConfiguration<Warehouse>
{
    public void Configure(EntityTypeBuilder<Warehouse> builder)
    {
        builder.Property(w => w.Code).HasMaxLength(64);
        builder.HasIndex(w => w.Code).IsUnique();
        builder.Property(w => w.Address).HasMaxLength(512);
        builder.Property(w => w.Version).IsConcurrencyToken();
    }
}
