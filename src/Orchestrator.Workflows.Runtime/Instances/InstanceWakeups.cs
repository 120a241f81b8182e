using System.Threading.Channels;

namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>What to do with an instance in the background, so an intake call returns before its orders have run.</summary>
/// <remarks><paramref name="HoldDetailsJson"/> set: hold the instance (see <see cref="Grains.IWorkflowInstanceGrain.HoldAsync"/>) for <paramref name="Reason"/>.</remarks>
public sealed record WakeRequest(Guid InstanceId, string? Bookmark = null, bool Cancel = false, string? Reason = null, string? HoldDetailsJson = null);

/// <summary>Instances waiting to be run, resumed or cancelled by <see cref="InstanceWaker"/>.</summary>
public sealed class InstanceWakeups
{
    private readonly Channel<WakeRequest> _channel = Channel.CreateUnbounded<WakeRequest>(new UnboundedChannelOptions { SingleReader = false });

    public ChannelReader<WakeRequest> Reader => _channel.Reader;

    public void Enqueue(WakeRequest request) => _channel.Writer.TryWrite(request);

    public void Run(Guid instanceId) => Enqueue(new WakeRequest(instanceId));
}
