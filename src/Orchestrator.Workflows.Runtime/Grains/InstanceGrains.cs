using System.Runtime.CompilerServices;
using Orleans.Runtime;

namespace Orchestrator.Workflows.Runtime.Grains;

/// <summary>
/// The reference to a workflow instance's grain. Orleans' <c>GetGrain&lt;T&gt;(Guid)</c> resolves the interface's grain
/// interface type from its attributes by reflection on every call (half a percent of the server's samples, from floor
/// batches and the waker alone); the grain type and interface type are resolved once per grain factory here, and each
/// reference is made from them, which is what <c>GetGrain</c> does after resolving.
/// </summary>
public static class InstanceGrains
{
    private static readonly ConditionalWeakTable<IGrainFactory, Resolved> Types = new();

    /// <summary>The grain of workflow instance <paramref name="instanceId"/>: the same reference <c>GetGrain&lt;IWorkflowInstanceGrain&gt;</c> gives.</summary>
    public static IWorkflowInstanceGrain Instance(this IGrainFactory grains, Guid instanceId)
    {
        var resolved = Types.GetValue(grains, Resolve);
        return (IWorkflowInstanceGrain)grains.GetGrain(GrainId.Create(resolved.GrainType, GrainIdKeyExtensions.CreateGuidKey(instanceId)), resolved.InterfaceType);
    }

    private static Resolved Resolve(IGrainFactory grains)
    {
        var sample = (GrainReference)grains.GetGrain<IWorkflowInstanceGrain>(Guid.Empty);
        return new Resolved(sample.GrainId.Type, sample.InterfaceType);
    }

    private sealed record Resolved(GrainType GrainType, GrainInterfaceType InterfaceType);
}
