using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence.Diagnostics;

namespace Orchestrator.Workflows.Runtime.EntityFramework;

/// <summary>
/// Lets a grain reuse the aggregate it held (<see cref="IInstanceAggregate"/>) without asking the database whether it is
/// still current. Every save through this process that changes an aggregate's rows, except a save by that aggregate's
/// own instance run, counts once when it starts and once when it commits or fails. A grain reads the count before its
/// run loads or checks the rows; when the count is the same at its next run, nobody else has saved to them since, and
/// the rows it kept are what the database has.
/// <list type="bullet">
/// <item>Counted from the first save, not the commit: a save in flight while the rows were read moves the count again
/// when it ends, so it is never missed.</item>
/// <item>Counts are kept in 65,536 stripes rather than one per aggregate, so memory stays flat. Two aggregates may share
/// a stripe; then one's saves only cost the other a version query.</item>
/// <item>Only a single-process runtime counts. In a cluster another server saves where this one cannot see it, so every
/// run asks the database, as before.</item>
/// <item>It sees saves through EF only. Code that writes an aggregate's rows with raw SQL or <c>ExecuteUpdate</c> must not
/// run beside a single-process runtime (none does).</item>
/// </list>
/// </summary>
public sealed class AggregateWrites(IInstanceAggregate? aggregate, bool enabled) : SaveOutcomeInterceptor
{
    private const int StripeBits = 16;

    private readonly long[] _counts = new long[1 << StripeBits];

    /// <summary>The aggregate each instance run's context works on: its own saves to it are not counted.</summary>
    private readonly ConditionalWeakTable<DbContext, StrongBox<long>> _owners = new();

    /// <summary>Aggregates a context saved to whose transaction has not ended yet: they count again when it does.</summary>
    private readonly ConditionalWeakTable<DbContext, HashSet<long>> _pending = new();

    /// <summary>False in a cluster: the count cannot see other servers' saves.</summary>
    public bool Enabled => enabled && aggregate is not null;

    /// <summary>How many saves have touched aggregate <paramref name="key"/> (and those sharing its stripe); null when not counting.</summary>
    public long? Count(long key) => Enabled ? Volatile.Read(ref _counts[Stripe(key)]) : null;

    /// <summary>Marks <paramref name="context"/> as the run of the instance that works on aggregate <paramref name="key"/>.</summary>
    public void Own(DbContext context, long key) => _owners.AddOrUpdate(context, new StrongBox<long>(key));

    /// <summary>Another aggregate's row than the one <paramref name="context"/>'s run owns: the grain holding it must hear of the save.</summary>
    public override bool Watches(DbContext context, object row) =>
        Enabled && aggregate!.KeyOf(row) is { } key and > 0 && (!_owners.TryGetValue(context, out var owner) || owner.Value != key);

    private static int Stripe(long key) => (int)(unchecked((ulong)key * 0x9E3779B97F4A7C15UL) >> (64 - StripeBits));

    protected override void Saving(DbContext context)
    {
        if (!Enabled)
        {
            return;
        }

        var own = _owners.TryGetValue(context, out var owner) ? owner.Value : (long?)null;
        HashSet<long>? touched = null;

        // Changes were detected just before (OrchestratorDbContext detects them once per save).
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && aggregate!.KeyOf(entry.Entity) is { } key and > 0 && key != own)
            {
                (touched ??= []).Add(key);
            }
        }

        if (touched is null)
        {
            return;
        }

        foreach (var key in touched)
        {
            Interlocked.Increment(ref _counts[Stripe(key)]);
        }

        var pending = _pending.GetOrCreateValue(context);
        lock (pending)
        {
            pending.UnionWith(touched);
        }
    }

    /// <summary>A context disposed (a pooled one reused next by anybody) is no instance run's any more.</summary>
    protected override void Forget(DbContext context)
    {
        base.Forget(context);
        _owners.Remove(context);
    }

    /// <summary>Committed or not, the save has ended: whoever read the rows while it was in flight must look again.</summary>
    protected override void Ended(DbContext context, bool committed)
    {
        if (!_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        long[] keys;
        lock (pending)
        {
            keys = [.. pending];
            pending.Clear();
        }

        foreach (var key in keys)
        {
            Interlocked.Increment(ref _counts[Stripe(key)]);
        }
    }
}
