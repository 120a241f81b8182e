using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain;
using Orchestrator.Domain.Catalog;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.Inventory;
using Orchestrator.Domain.MasterData;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence.Rules;
using Orchestrator.Persistence.Workflows;

namespace Orchestrator.Persistence;

/// <summary>The one database of the server; each provider project holds only its migrations and wiring.</summary>
public sealed class OrchestratorDbContext(DbContextOptions<OrchestratorDbContext> options) : DbContext(options)
{
    public DbSet<Platform> Platforms => Set<Platform>();

    public DbSet<Shop> Shops => Set<Shop>();

    public DbSet<Warehouse> Warehouses => Set<Warehouse>();

    public DbSet<LogisticsCompany> LogisticsCompanies => Set<LogisticsCompany>();

    public DbSet<FreightRate> FreightRates => Set<FreightRate>();

    public DbSet<Goods> Goods => Set<Goods>();

    public DbSet<Combo> Combos => Set<Combo>();

    public DbSet<SalesOrder> SalesOrders => Set<SalesOrder>();

    public DbSet<WorkflowDefinitionRecord> WorkflowDefinitions => Set<WorkflowDefinitionRecord>();

    public DbSet<WorkflowInstanceRecord> WorkflowInstances => Set<WorkflowInstanceRecord>();

    public DbSet<WorkflowJournalRecord> WorkflowJournal => Set<WorkflowJournalRecord>();

    public DbSet<WorkflowIncidentRecord> WorkflowIncidents => Set<WorkflowIncidentRecord>();

    public DbSet<StockItem> StockItems => Set<StockItem>();

    public DbSet<StockMovement> StockMovements => Set<StockMovement>();

    public DbSet<StockReservation> StockReservations => Set<StockReservation>();

    public DbSet<Waybill> Waybills => Set<Waybill>();

    public DbSet<ShipmentConfirmation> ShipmentConfirmations => Set<ShipmentConfirmation>();

    public DbSet<PickList> PickLists => Set<PickList>();

    public DbSet<Package> Packages => Set<Package>();

    public DbSet<RuleSetVersionRecord> RuleSetVersions => Set<RuleSetVersionRecord>();

    public DbSet<BuyerBlacklistEntry> BuyerBlacklist => Set<BuyerBlacklistEntry>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is stored as UTC; SQLite hands DateTime back unspecified, so mark it on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OrchestratorDbContext).Assembly);

    private void BumpVersions()
    {
        ChangeTracker.DetectChanges();
        var edited = new HashSet<Entity>(ReferenceEqualityComparer.Instance);
        foreach (var entry in ChangeTracker.Entries<Entity>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.Version = 1;
            }
            else if (entry.State == EntityState.Modified)
            {
                edited.Add(entry.Entity);
            }
        }

        // Editing a shop's warehouse list or a combo's items is an edit of the shop or combo itself.
        foreach (var child in ChangeTracker.Entries().Where(e => e.Entity is not Entity && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            foreach (var foreignKey in child.Metadata.GetForeignKeys())
            {
                var parentId = child.Property(foreignKey.Properties[0].Name).CurrentValue;
                var parent = ChangeTracker.Entries<Entity>().FirstOrDefault(p =>
                    p.Metadata == foreignKey.PrincipalEntityType && Equals(p.Entity.Id, parentId) && p.State != EntityState.Added);
                if (parent is not null)
                {
                    edited.Add(parent.Entity);
                }
            }
        }

        foreach (var entity in edited)
        {
            Entry(entity).Property(e => e.Version).CurrentValue = entity.Version + 1;
        }
    }
}
