using Microsoft.Extensions.Caching.Memory;
using Orchestrator.Persistence.Workflows;

namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>
/// What the code that created an instance has in hand once it committed: the instance row and its aggregate's rows
/// (copies that no context tracks; for the lifecycle, the new order with its lines and items). The instance's grain
/// takes them when it activates instead of reading them back; the aggregate still passes the store's check that it is
/// current before a run uses it (<see cref="IWorkflowInstanceStore.BeginRunAsync"/>). Only a single-process runtime offers them:
/// in a cluster the grain may run on another process first and come back here later, when the row would be stale.
/// Kept up to five minutes (a burst of intake can queue first runs for tens of seconds) and at most 20,000 at once
/// (about 40 MB), so offers no grain takes cost nothing lasting.
/// </summary>
public sealed class InstanceHandoff(bool enabled) : IDisposable
{
    private static readonly MemoryCacheEntryOptions Entry = new() { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5) };

    private readonly MemoryCache _offered = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    /// <summary>Offers the committed <paramref name="instance"/> (copied here) and its <paramref name="aggregate"/> rows, which the caller must no longer touch.</summary>
    public void Offer(WorkflowInstanceRecord instance, IReadOnlyList<object> aggregate)
    {
        if (enabled)
        {
            _offered.Set(instance.Id, new HandedOff(InstanceRecords.Detached(instance), aggregate), Entry);
        }
    }

    /// <summary>What was offered for <paramref name="instanceId"/>, once; null when nothing was (or it expired).</summary>
    internal HandedOff? Take(Guid instanceId)
    {
        if (!_offered.TryGetValue(instanceId, out HandedOff? offered))
        {
            return null;
        }

        _offered.Remove(instanceId);
        return offered;
    }

    public void Dispose() => _offered.Dispose();
}

/// <summary>An instance row as committed, and its aggregate's rows, as the code that created them had them.</summary>
internal sealed record HandedOff(WorkflowInstanceRecord Instance, IReadOnlyList<object> Aggregate);
