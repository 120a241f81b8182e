using Orchestrator.Integrations.Runtime.Pull;
using Orchestrator.Persistence.Integrations;

namespace Orchestrator.Server.Apis.Pull;

/// <summary>A shop's scheduled pull as it stands: schedule, cursor, and how the last run went.</summary>
public sealed record PullStateResponse(
    long ShopId, int? IntervalMinutes, DateTime? Cursor, DateTime? LastRunAt, DateTime? LastSuccessAt, string? LastError, int ConsecutiveFailures,
    int LastOrdersTaken, long TotalOrdersTaken)
{
    public static PullStateResponse From(long shopId, ShopPullState? state) => state is null
        ? new PullStateResponse(shopId, null, null, null, null, null, 0, 0, 0)
        : new PullStateResponse(shopId, state.IntervalMinutes, state.Cursor, state.LastRunAt, state.LastSuccessAt, state.LastError, state.ConsecutiveFailures,
            state.LastOrdersTaken, state.TotalOrdersTaken);
}

/// <summary>One cycle run through the shop's pull grain, and the state it left.</summary>
public sealed record PullNowResponse(PullRunKind Outcome, DateTime? Since, DateTime? Until, int OrdersTaken, string? Error, PullStateResponse State);
