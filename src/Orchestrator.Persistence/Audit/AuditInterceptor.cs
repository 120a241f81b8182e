using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Orchestrator.Domain.Inventory;

namespace Orchestrator.Persistence.Audit;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every audited record a save adds, edits or deletes, in the same transaction,
/// and stamps actor and time on entries written by hand. A save that touches no audited type costs one pass over the
/// tracked entries and a dictionary look-up each. A record whose id the database assigns gets its entry right after
/// the insert, inside a transaction this interceptor opens when the caller has none, so both commit or neither.
/// <para>
/// One instance serves every context (the server's contexts are pooled, their options built once): the actor is the
/// context's (<see cref="OrchestratorDbContext.AuditActor"/>, or <paramref name="actor"/> when it names none, else
/// <see cref="AuditActors.System"/>), and what a save keeps between its events lives on the context
/// (<see cref="OrchestratorDbContext.AuditSave"/>).
/// </para>
/// </summary>
public sealed class AuditInterceptor(IAuditActor? actor, TimeProvider clock) : SaveChangesInterceptor, Diagnostics.ISaveWatcher
{
    /// <summary>What one save of a context keeps between its events.</summary>
    internal sealed class SaveState
    {
        public List<AuditEntry>? Written;
        public List<(EntityEntry Entry, AuditEntry Audit)>? AwaitingIds;
        public IDbContextTransaction? OwnTransaction;
        public bool SavingIds;

        /// <summary>The context is disposed mid-save: the transaction this interceptor opened goes with it.</summary>
        public void Abandon()
        {
            OwnTransaction?.Dispose();
            OwnTransaction = null;
        }
    }

    private static SaveState StateOf(DbContext db) => ((OrchestratorDbContext)db).AuditSave;

    private (string Name, bool Routine) ActorOf(DbContext db) =>
        (((OrchestratorDbContext)db).AuditActor ?? actor) is { } who ? (who.Name, who.IsRoutine) : (AuditActors.System, false);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db && StateOf(db) is { SavingIds: false } state && Capture(db, state) && db.Database.CurrentTransaction is null)
        {
            state.OwnTransaction = db.Database.BeginTransaction();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && StateOf(db) is { SavingIds: false } state && Capture(db, state) && db.Database.CurrentTransaction is null)
        {
            state.OwnTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is not { } db || StateOf(db) is not { SavingIds: false } state)
        {
            return result;
        }

        try
        {
            if (AddAwaitingIds(db, state))
            {
                state.SavingIds = true;
                try
                {
                    db.SaveChanges();
                }
                finally
                {
                    state.SavingIds = false;
                }
            }

            state.OwnTransaction?.Commit();
        }
        catch
        {
            state.OwnTransaction?.Rollback();
            throw;
        }
        finally
        {
            EndSave(db, state);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } db || StateOf(db) is not { SavingIds: false } state)
        {
            return result;
        }

        try
        {
            if (AddAwaitingIds(db, state))
            {
                state.SavingIds = true;
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                finally
                {
                    state.SavingIds = false;
                }
            }

            if (state.OwnTransaction is { } transaction)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch
        {
            if (state.OwnTransaction is { } transaction)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }

            throw;
        }
        finally
        {
            EndSave(db, state);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } db && StateOf(db) is { SavingIds: false } state)
        {
            state.OwnTransaction?.Rollback();
            EndSave(db, state);
        }
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && StateOf(db) is { SavingIds: false } state)
        {
            if (state.OwnTransaction is { } transaction)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }

            EndSave(db, state);
        }
    }

    /// <summary>
    /// Whether saving <paramref name="row"/>'s changes as they stand writes an audit entry, or is part of one (a stock
    /// movement, an audited record's child, an entry written by hand): such a row must be saved by EF's save, where this
    /// interceptor sees it.
    /// </summary>
    public bool Watches(DbContext context, object row)
    {
        var clr = row.GetType();
        if (row is StockMovement or AuditEntry || AuditEntityTypes.TrackedChildren.ContainsKey(clr))
        {
            return true;
        }

        var (name, routine) = ActorOf(context);
        return AuditEntityTypes.Tracked.TryGetValue(clr, out var type) && !(routine && type.SkippedWhenRoutine)
            && TrackedChanges.Describe(context.Entry(row), type, name, clock.GetUtcNow().UtcDateTime) is not null;
    }

    /// <summary>Adds the entries for this save; true when some wait for ids the insert assigns (so the save needs a transaction).</summary>
    private bool Capture(DbContext db, SaveState state)
    {
        var (actorName, routine) = ActorOf(db);
        var name = Clip(actorName, 128);
        var at = clock.GetUtcNow().UtcDateTime;
        List<AuditEntry>? entries = null;
        Dictionary<(long, long), StockMovement>? movements = null;
        List<(StockItem Stock, AuditEntry Audit)>? stock = null;
        Dictionary<(Type, object), AuditEntry>? parents = null;
        List<ChildChange>? children = null;

        // The context detected changes just before this (it bumps versions); one pass, no detection per call.
        using var detected = ChangeDetectionPause.Of(db.ChangeTracker);
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (entry.Entity is StockMovement movement)
            {
                (movements ??= [])[(movement.WarehouseId, movement.GoodsId)] = movement;
                continue;
            }

            if (entry.Entity is AuditEntry { Actor: "" } byHand)
            {
                byHand.Actor = name;
                byHand.At = at;
                continue;
            }

            if (AuditEntityTypes.TrackedChildren.TryGetValue(entry.Metadata.ClrType, out var child))
            {
                if (TrackedChanges.DescribeChild(entry, child) is { } change)
                {
                    (children ??= []).Add(new ChildChange(child.ParentType, entry.Property(child.ParentKey).CurrentValue!, change));
                }

                continue;
            }

            if (!AuditEntityTypes.Tracked.TryGetValue(entry.Metadata.ClrType, out var type) || (routine && type.SkippedWhenRoutine))
            {
                continue;
            }

            if (TrackedChanges.Describe(entry, type, name, at) is not { } audit)
            {
                continue;
            }

            if (type.NaturalId is null)
            {
                (parents ??= [])[(entry.Metadata.ClrType, entry.Property("Id").CurrentValue!)] = audit;
            }

            if (type.NaturalId is null && entry.State == EntityState.Added)
            {
                (state.AwaitingIds ??= []).Add((entry, audit));
            }
            else
            {
                (entries ??= []).Add(audit);
            }

            if (entry.Entity is StockItem item)
            {
                (stock ??= []).Add((item, audit));
            }
        }

        foreach (var orphan in MergeChildren(children, parents, name, at))
        {
            (entries ??= []).Add(orphan);
        }

        // A stock figure changed by hand comes with its movement row: its reason says why.
        foreach (var (item, audit) in stock ?? [])
        {
            if (movements?.GetValueOrDefault((item.WarehouseId, item.GoodsId)) is { } movement)
            {
                audit.Summary = StockAudit.Summary(movement.Reason, movement.Reference);
            }
        }

        foreach (var audit in entries ?? [])
        {
            db.Add(audit);
            (state.Written ??= []).Add(audit);
        }

        return state.AwaitingIds is { Count: > 0 };
    }

    /// <summary>
    /// A combo's items and a shop's warehouse list are edits of the combo or shop: their changes join its entry, or make
    /// one when only the list changed (returned, to be added).
    /// </summary>
    private static List<AuditEntry> MergeChildren(List<ChildChange>? children, Dictionary<(Type, object), AuditEntry>? parents, string actor, DateTime at)
    {
        var made = new List<AuditEntry>();
        foreach (var group in children?.GroupBy(c => (c.ParentType, c.ParentId)) ?? [])
        {
            if (parents?.GetValueOrDefault(group.Key) is not { } parent)
            {
                parent = new AuditEntry
                {
                    At = at,
                    Actor = actor,
                    EntityType = AuditEntityTypes.Tracked[group.Key.ParentType].Name,
                    EntityId = Convert.ToString(group.Key.ParentId, System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    Action = AuditAction.Updated,
                };
                made.Add(parent);
            }

            parent.Changes = AuditChange.Serialize([.. AuditChange.Deserialize(parent.Changes), .. group.Select(c => c.Change).OrderBy(c => c.Field, StringComparer.Ordinal)]);
        }

        return made;
    }

    /// <summary>The records inserted a moment ago now have their ids: their entries go in with the same transaction.</summary>
    private static bool AddAwaitingIds(DbContext db, SaveState state)
    {
        if (state.AwaitingIds is not { } awaiting)
        {
            return false;
        }

        state.AwaitingIds = null;
        foreach (var (entry, audit) in awaiting)
        {
            audit.EntityId = TrackedChanges.Id(entry);
            db.Add(audit);
            (state.Written ??= []).Add(audit);
        }

        return true;
    }

    /// <summary>Saved or failed, the entries leave the change tracker: a retried save writes them afresh, a long-lived context does not keep them.</summary>
    private static void EndSave(DbContext db, SaveState state)
    {
        state.OwnTransaction?.Dispose();
        state.OwnTransaction = null;
        foreach (var audit in state.Written ?? [])
        {
            db.Entry(audit).State = EntityState.Detached;
        }

        state.Written = null;
        state.AwaitingIds = null;
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    private sealed record ChildChange(Type ParentType, object ParentId, AuditChange Change);
}
