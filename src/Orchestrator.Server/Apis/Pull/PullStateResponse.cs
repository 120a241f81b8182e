using Orchestrator.Persistence.Integrations;

namespace Orchestrator.Server.Apis.Pull;

/// <summary>A shop's scheduled pull as it stands: schedule, cursor, how the last run went, and the trades it refused (newest first).</summary>
public sealed record PullStateResponse(
    long ShopId, int? IntervalMinutes, DateTime? Cursor, DateTime? LastRunAt, DateTime? LastSuccessAt, string? LastError, int ConsecutiveFailures,
    int LastOrdersTaken, long TotalOrdersTaken, int LastOrdersRefused, long TotalOrdersRefused, IReadOnlyList<PullRefusalResponse> Refused)
{
    public static PullStateResponse From(long shopId, ShopPullState? state, IReadOnlyList<PullRefusal> refused) => state is null
        ? new PullStateResponse(shopId, null, null, null, null, null, 0, 0, 0, 0, 0, refused.Select(PullRefusalResponse.From).ToList())
        : new PullStateResponse(shopId, state.IntervalMinutes, state.Cursor, state.LastRunAt, state.LastSuccessAt, state.LastError, state.ConsecutiveFailures,
            state.LastOrdersTaken, state.TotalOrdersTaken, state.LastOrdersRefused, state.TotalOrdersRefused, refused.Select(PullRefusalResponse.From).ToList());
}
