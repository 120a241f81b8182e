using Orchestrator.Domain.Orders;
using Orchestrator.Persistence.Intake;

namespace Orchestrator.Integrations.Runtime.Pull;

/// <summary>What one pull did: intake's result for each trade it took (duplicates included), and the trades it refused.</summary>
public sealed record PullResult(IReadOnlyList<IntakeResult> Taken, IReadOnlyList<RefusedTrade> Refused)
{
    public static readonly PullResult Empty = new([], []);

    /// <summary>Orders intake took in, each counted once however many copies the window held.</summary>
    public int OrdersTaken => Taken.Count(r => r.Outcome != IntakeOutcome.Duplicate);
}
