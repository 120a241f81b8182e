using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Orchestrator.Domain;
using Orchestrator.Domain.Catalog;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.Inventory;
using Orchestrator.Domain.MasterData;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence.Audit;
using Orchestrator.Persistence.Diagnostics;
using Orchestrator.Persistence.GroupCommit;
using Orchestrator.Persistence.Integrations;
using Orchestrator.Persistence.Rules;
using Orchestrator.Persistence.Security;
using Orchestrator.Persistence.Workflows;

namespace Orchestrator.Persistence;

/// <summary>
/// The one database of the server; each provider project holds only its migrations and wiring. People's accounts live
/// here too (ASP.NET Core Identity's tables), so signing in needs no second store, and so does the key ring that
/// protects sign-in cookies, so every server of a cluster reads the cookies the others issued.
/// </summary>
public sealed class OrchestratorDbContext(DbContextOptions<OrchestratorDbContext> options)
    : IdentityDbContext<OrchestratorUser, IdentityRole<long>, long>(options), IDataProtectionKeyContext
{
    public DbSet<Platform> Platforms => Set<Platform>();

    public DbSet<Shop> Shops => Set<Shop>();

    public DbSet<Warehouse> Warehouses => Set<Warehouse>();

    public DbSet<LogisticsCompany> LogisticsCompanies => Set<LogisticsCompany>();

    public DbSet<FreightRate> FreightRates => Set<FreightRate>();

    public DbSet<Goods> Goods => Set<Goods>();

    public DbSet<Combo> Combos => Set<Combo>();

    /// <summary>Platform merchant codes mapped by a person to goods or a combo with another code (映射商家编码).</summary>
    public DbSet<MerchantCodeMapping> MerchantCodeMappings => Set<MerchantCodeMapping>();

    public DbSet<SalesOrder> SalesOrders => Set<SalesOrder>();

    public DbSet<ExceptionQueueEntry> ExceptionQueue => Set<ExceptionQueueEntry>();

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

    public DbSet<ShopPullState> ShopPullStates => Set<ShopPullState>();

    public DbSet<PullRefusal> PullRefusals => Set<PullRefusal>();

    public DbSet<StockSyncSettings> StockSyncSettings => Set<StockSyncSettings>();

    public DbSet<StockSyncItem> StockSyncItems => Set<StockSyncItem>();

    /// <summary>The stock sync outbox (see <see cref="StockSyncOutbox"/>).</summary>
    public DbSet<StockChange> StockChanges => Set<StockChange>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    /// <summary>ASP.NET Core Data Protection's key ring (cookie encryption), shared by every server on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    /// <summary>Who changed which audited record, when, from what to what (see <see cref="AuditInterceptor"/>).</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    private List<Action>? _afterCommit;

    /// <summary>The interceptors this context's options configure (<see cref="ContextInterceptors"/>).</summary>
    internal IReadOnlyList<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor> Interceptors { get; } = ContextInterceptors.InOptions(options);

    /// <summary>This process's command counters, when the options add them: the statements the server sends by itself count there too.</summary>
    internal DatabaseActivity? Activity => Interceptors.OfType<DatabaseActivity>().FirstOrDefault();

    private IGroupMember? _member;

    /// <summary>
    /// The database's group commit, when this context's work may share a commit with others' (a workflow run sets it);
    /// <see cref="BeginWorkAsync"/> then joins the group instead of beginning a transaction of its own.
    /// </summary>
    public IGroupCommit? GroupCommit { get; set; }

    /// <summary>
    /// This context's saves inside a transaction write edited rows, and added rows nothing refers to, with prepared
    /// statements of their own rather than EF's update pipeline (<see cref="Writes.PreparedWrites"/>), except the rows a
    /// save interceptor watches (<see cref="ISaveWatcher"/>), which EF's save that follows writes. A workflow run sets
    /// it. False (the default): every save is EF's alone.
    /// </summary>
    public bool WritesDirectly { get; set; }

    /// <summary>
    /// The stock counters this context's reservations, releases and deductions change, when they are written at the next
    /// save inside a transaction rather than when decided (a workflow run that keeps its steps for its commit sets it;
    /// see <see cref="Inventory.StockWrites"/>). Null (the default): <see cref="Inventory.StockLedger"/> updates them at once.
    /// </summary>
    public Inventory.StockWrites? StockAtCommit { get; set; }

    /// <summary>True while this context works inside a group commit's transaction (see <see cref="GroupCommit"/>).</summary>
    public bool InGroup => _member is not null;

    /// <summary>
    /// Who the audit trail names for this context's saves: the actor of the scope (request, grain call, job) the context
    /// was handed to. Null: <see cref="AuditInterceptor"/>'s own default.
    /// </summary>
    public IAuditActor? AuditActor { get; set; }

    /// <summary>What <see cref="AuditInterceptor"/> keeps between the events of one save of this context.</summary>
    internal AuditInterceptor.SaveState AuditSave { get; private set; } = new();

    /// <summary>
    /// Opens this context's unit of work unless one is open: its share of the group commit when it has been given one,
    /// otherwise a transaction of its own. Either way <c>Database.CurrentTransaction</c> is set until
    /// <see cref="CommitWorkAsync"/> or <see cref="RollbackWorkAsync"/>.
    /// </summary>
    public async Task BeginWorkAsync(CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is not null)
        {
            return;
        }

        if (GroupCommit is { } group)
        {
            _member = await group.JoinAsync(this, cancellationToken);
            return;
        }

        await Database.BeginTransactionAsync(cancellationToken);
    }

    /// <summary>
    /// Commits the unit of work: returns once it is durable. A share of a group commit waits for the group's commit, and
    /// save interceptors hear of the outcome then (they would otherwise from the transaction's own events).
    /// </summary>
    public async Task CommitWorkAsync(CancellationToken cancellationToken)
    {
        if (_member is { } member)
        {
            _member = null;
            try
            {
                await member.CommitAsync(cancellationToken);
            }
            catch
            {
                SaveOutcomeInterceptor.EndedOutsideTransaction(this, committed: false);
                throw;
            }

            SaveOutcomeInterceptor.EndedOutsideTransaction(this, committed: true);
            return;
        }

        if (Database.CurrentTransaction is { } transaction)
        {
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
        }
    }

    /// <summary>Rolls the unit of work back: a share of a group commit goes back to its savepoint, the group goes on.</summary>
    public async Task RollbackWorkAsync(CancellationToken cancellationToken)
    {
        if (_member is { } member)
        {
            _member = null;
            member.Rollback();
            SaveOutcomeInterceptor.EndedOutsideTransaction(this, committed: false);
            return;
        }

        if (Database.CurrentTransaction is { } transaction)
        {
            await transaction.RollbackAsync(cancellationToken);
            await transaction.DisposeAsync();
        }
    }

    /// <summary>
    /// A share of a group commit left open (a run that failed on the way) is rolled back: the writer must not wait for it.
    /// Then everything this class and its interceptors keep for the context is dropped, as EF drops its own state, so a
    /// pooled context (the server's are: <c>AddPooledDbContextFactory</c>) comes back as a new one would be.
    /// </summary>
    public override void Dispose()
    {
        Release();
        base.Dispose();
    }

    /// <inheritdoc cref="Dispose"/>
    public override ValueTask DisposeAsync()
    {
        Release();
        return base.DisposeAsync();
    }

    private void Release()
    {
        AbandonShare();
        SaveOutcomeInterceptor.Released(this);
        AuditSave.Abandon();
        AuditSave = new();
        AuditActor = null;
        GroupCommit = null;
        WritesDirectly = false;
        StockAtCommit = null;
        _afterCommit = null;
    }

    private void AbandonShare()
    {
        if (_member is { } member)
        {
            _member = null;
            member.Rollback();
            SaveOutcomeInterceptor.EndedOutsideTransaction(this, committed: false);
        }
    }

    /// <summary>
    /// The tracked <typeparamref name="T"/> with key <paramref name="id"/>, or null: a look-up in the context's identity
    /// map. <c>DbSet.Local</c> detects changes on every access (a pass comparing every column of every tracked row),
    /// which a run's activities paid at every step to find the order they work on; what is tracked does not depend on
    /// that detection, only what a save writes does, and the save detects once.
    /// </summary>
    public T? Tracked<T>(long id)
        where T : class
    {
        using var paused = ChangeDetectionPause.Of(ChangeTracker);
        return Set<T>().Local.FindEntry(id)?.Entity;
    }

    /// <summary>The tracked <typeparamref name="T"/> rows that <paramref name="match"/>, without change detection (see <see cref="Tracked{T}(long)"/>).</summary>
    public List<T> TrackedWhere<T>(Func<T, bool> match)
        where T : class
    {
        using var paused = ChangeDetectionPause.Of(ChangeTracker);
        return [.. Set<T>().Local.Where(match)];
    }

    /// <summary>
    /// Runs <paramref name="action"/> once the work this context holds has committed (see <see cref="RunAfterCommit"/>),
    /// e.g. telling waiting orders that a cancellation gave stock back; forgotten if it does not commit.
    /// </summary>
    public void AfterCommit(Action action) => (_afterCommit ??= []).Add(action);

    /// <summary>Called by whoever commits this context's work: runs the actions registered with <see cref="AfterCommit"/>.</summary>
    public void RunAfterCommit()
    {
        var actions = _afterCommit;
        _afterCommit = null;
        foreach (var action in actions ?? [])
        {
            action();
        }
    }

    /// <summary>How many after-commit actions are registered so far (a mark for <see cref="ForgetAfterCommit"/>).</summary>
    public int PendingAfterCommit => _afterCommit?.Count ?? 0;

    /// <summary>The work was dropped: its after-commit actions must not run; the first <paramref name="keep"/> were of work that stays.</summary>
    public void ForgetAfterCommit(int keep = 0)
    {
        if (keep <= 0 || _afterCommit is null)
        {
            _afterCommit = null;
        }
        else if (keep < _afterCommit.Count)
        {
            _afterCommit.RemoveRange(keep, _afterCommit.Count - keep);
        }
    }

    /// <summary>
    /// Saves with changes detected once, by <see cref="BumpVersions"/>: EF would detect them again before the save, and
    /// every save interceptor's look at the entries would too (each a pass over every tracked row). The interceptors only
    /// add rows (<c>Add</c> sets their state), so nothing they do needs detecting.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (StockAtCommit is { IsEmpty: false })
        {
            throw new InvalidOperationException("Stock written at the commit (StockAtCommit) is saved by SaveChangesAsync only.");
        }

        BumpVersions();
        using var detected = ChangeDetectionPause.Of(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (StockAtCommit is { IsEmpty: false } stock)
        {
            if (Database.CurrentTransaction is null)
            {
                // The counters and the rows that go with them (reservations, movements) are saved together or not at all.
                return await SaveAsOneUnitAsync(acceptAllChangesOnSuccess, cancellationToken);
            }

            if (await stock.SendAsync(this, cancellationToken) is { } lost)
            {
                throw lost;
            }
        }

        BumpVersions();
        using var detected = ChangeDetectionPause.Of(ChangeTracker);
        var written = 0;
        if (WritesDirectly && acceptAllChangesOnSuccess && Database.CurrentTransaction is not null)
        {
            var watchers = Interceptors.OfType<ISaveWatcher>().ToArray();
            written = await Writes.PreparedWrites.WriteAsync(
                this, row => Array.Exists(watchers, w => w.Watches(this, row)), Activity, cancellationToken);
            if (written > 0 && !ChangeTracker.HasChanges())
            {
                // Nothing left for EF (no deletes, nothing watched): its save, and its interceptors, would find nothing.
                return written;
            }
        }

        return written + await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private async Task<int> SaveAsOneUnitAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        await BeginWorkAsync(cancellationToken);
        int written;
        try
        {
            written = await SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch
        {
            await RollbackWorkAsync(CancellationToken.None);
            throw;
        }

        await CommitWorkAsync(cancellationToken);
        return written;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is stored as UTC; SQLite hands DateTime back unspecified, so mark it on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(OrchestratorDbContext).Assembly);
    }

    private void BumpVersions()
    {
        ChangeTracker.DetectChanges();

        // One pass over the tracked entries, changes already detected: a batch of orders tracks thousands of rows, and
        // every Entries() call would detect changes again (this used to be quadratic in the rows of a batch).
        using var detected = ChangeDetectionPause.Of(ChangeTracker);
        var edited = new HashSet<Entity>(ReferenceEqualityComparer.Instance);
        var children = new List<EntityEntry>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is Entity entity && entry.State == EntityState.Added)
            {
                entity.Version = 1;
                continue;
            }

            if (entry.Entity is Entity modified)
            {
                if (entry.State == EntityState.Modified)
                {
                    edited.Add(modified);
                }
            }
            else if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                children.Add(entry);
            }
        }

        // Editing a shop's warehouse list, a combo's items, an order's lines (or a line's items) or a package's lines
        // is an edit of the shop, combo, order or package itself: a child the parent holds as a collection, through
        // as many levels as there are. Rows that only point at a parent (an order's reservations, waybills) are not.
        // The stored rows by key, built only when a child changed (most saves change no child).
        var stored = children.Count == 0 ? [] : StoredByKey();
        foreach (var child in children)
        {
            for (var (row, depth) = (child, 0); row is not null && depth < 4; depth++)
            {
                row = Parent(row, stored);
                if (row?.Entity is Entity parent)
                {
                    edited.Add(parent);
                    break;
                }
            }
        }

        foreach (var entity in edited)
        {
            // By name: the lambda form builds and checks an expression tree on every call, once per edited row per save.
            Entry((object)entity).Property(nameof(Entity.Version)).CurrentValue = entity.Version + 1;
        }
    }

    /// <summary>Every tracked row already stored (not added), by its type and single-column key; change detection off.</summary>
    private Dictionary<(IEntityType Type, object Id), EntityEntry> StoredByKey()
    {
        var stored = new Dictionary<(IEntityType Type, object Id), EntityEntry>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Added && entry.Metadata.FindPrimaryKey() is { Properties: [var key] })
            {
                stored[(entry.Metadata, entry.Property(key.Name).CurrentValue!)] = entry;
            }
        }

        return stored;
    }

    /// <summary>The tracked row holding <paramref name="child"/> in a collection, if any.</summary>
    private static EntityEntry? Parent(EntityEntry child, Dictionary<(IEntityType Type, object Id), EntityEntry> stored)
    {
        foreach (var foreignKey in child.Metadata.GetForeignKeys())
        {
            if (foreignKey.PrincipalToDependent is not null
                && child.Property(foreignKey.Properties[0].Name).CurrentValue is { } parentId
                && stored.TryGetValue((foreignKey.PrincipalEntityType, parentId), out var parent))
            {
                return parent;
            }
        }

        return null;
    }
}
