using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Workflows.Execution;

namespace Orchestrator.Persistence.Configurations;

internal sealed class WorkflowDefinitionConfiguration : IEntityTypeConfiguration<WorkflowDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionRecord> builder)
    {
        builder.ToTable("WorkflowDefinitions");
        builder.Property(d => d.DefinitionId).HasMaxLength(100);
        builder.HasIndex(d => new { d.DefinitionId, d.Version }).IsUnique();
        builder.HasIndex(d => new { d.DefinitionId, d.State });
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.ContentHash).HasMaxLength(64);
        builder.Property(d => d.Source).HasMaxLength(300);
        builder.Property(d => d.Revision).IsConcurrencyToken();
    }
}

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstanceRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowInstanceRecord> builder)
    {
        builder.ToTable("WorkflowInstances");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.DefinitionId).HasMaxLength(100);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.CurrentActivityId).HasMaxLength(100);
        builder.Property(i => i.WaitingFor).HasMaxLength(100);
        builder.Property(i => i.BlockedReason).HasMaxLength(2000);
        builder.Property(i => i.Revision).IsConcurrencyToken();

        // One instance per order: a repeated push or a retried start never runs an order twice.
        builder.HasIndex(i => i.SalesOrderId).IsUnique();
        builder.HasIndex(i => new { i.Status, i.NextWakeAt });
        builder.HasIndex(i => new { i.ShopId, i.Status });
        builder.HasIndex(i => i.CurrentActivityId);

        // The floor's backlog (instances waiting on a bookmark, per shop or all, newest first, keyset on CreatedAt then Id)
        // and the review inbox (waiting on Review, longest waiting first) read a range of these instead of sorting the backlog.
        builder.HasIndex(i => new { i.ShopId, i.WaitingFor, i.CreatedAt, i.Id });
        builder.HasIndex(i => new { i.WaitingFor, i.CreatedAt, i.Id });
        builder.HasIndex(i => new { i.WaitingFor, i.UpdatedAt });
        builder.HasOne(i => i.SalesOrder).WithMany().HasForeignKey(i => i.SalesOrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WorkflowDefinitionRecord>().WithMany().HasForeignKey(i => i.DefinitionRecordId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkflowJournalConfiguration : IEntityTypeConfiguration<WorkflowJournalRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowJournalRecord> builder)
    {
        builder.ToTable("WorkflowJournal");
        builder.HasIndex(j => new { j.InstanceId, j.Sequence }).IsUnique();
        builder.Property(j => j.ActivityId).HasMaxLength(100);
        builder.Property(j => j.ActivityType).HasMaxLength(100);
        builder.Property(j => j.Event).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Outcome).HasMaxLength(100);
        builder.Property(j => j.Bookmark).HasMaxLength(100);
        builder.Property(j => j.Inputs).HasMaxLength(2000);
        builder.Property(j => j.Outputs).HasMaxLength(2000);
        builder.Property(j => j.Error).HasMaxLength(2000);
        builder.HasOne<WorkflowInstanceRecord>().WithMany().HasForeignKey(j => j.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkflowIncidentConfiguration : IEntityTypeConfiguration<WorkflowIncidentRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowIncidentRecord> builder)
    {
        builder.ToTable("WorkflowIncidents");
        builder.HasIndex(i => new { i.InstanceId, i.ResolvedAt });
        builder.Property(i => i.ActivityId).HasMaxLength(100);
        builder.Property(i => i.ActivityType).HasMaxLength(100);
        builder.Property(i => i.ExceptionType).HasMaxLength(300);
        builder.Property(i => i.Message).HasMaxLength(2000);
        builder.HasOne<WorkflowInstanceRecord>().WithMany().HasForeignKey(i => i.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WaybillConfiguration : IEntityTypeConfiguration<Waybill>
{
    public void Configure(EntityTypeBuilder<Waybill> builder)
    {
        builder.Property(w => w.IdempotencyKey).HasMaxLength(200);
        builder.HasIndex(w => w.IdempotencyKey).IsUnique();
        builder.Property(w => w.CarrierCode).HasMaxLength(32);
        builder.Property(w => w.TrackingNumber).HasMaxLength(64);
        builder.HasIndex(w => w.TrackingNumber).IsUnique();
        builder.HasIndex(w => w.OrderId);
        builder.Property(w => w.CancelReason).HasMaxLength(500);
        builder.Property(w => w.CancelError).HasMaxLength(1000);
        builder.HasIndex(w => new { w.CancelledAt, w.NextCancelAttemptAt });
        builder.Ignore(w => w.IsLive);
        builder.HasOne<SalesOrder>().WithMany().HasForeignKey(w => w.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ShipmentConfirmationConfiguration : IEntityTypeConfiguration<ShipmentConfirmation>
{
    public void Configure(EntityTypeBuilder<ShipmentConfirmation> builder)
    {
        builder.Property(s => s.IdempotencyKey).HasMaxLength(200);
        builder.HasIndex(s => s.IdempotencyKey).IsUnique();
        builder.HasIndex(s => s.OrderId);
        builder.Property(s => s.PlatformOrderId).HasMaxLength(64);
        builder.Property(s => s.LogisticsCode).HasMaxLength(32);
        builder.Property(s => s.TrackingNumber).HasMaxLength(64);
        builder.HasOne<SalesOrder>().WithMany().HasForeignKey(s => s.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}
