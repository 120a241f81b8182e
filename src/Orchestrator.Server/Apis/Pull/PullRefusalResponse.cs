using Orchestrator.Persistence.Integrations;

namespace Orchestrator.Server.Apis.Pull;

/// <summary>A pulled trade the shop's pull refused: which, why (field and message), and when.</summary>
public sealed record PullRefusalResponse(string PlatformOrderId, string Reason, DateTime? PlatformModifiedAt, DateTime FirstRefusedAt, DateTime LastRefusedAt, int Times)
{
    public static PullRefusalResponse From(PullRefusal r) => new(r.PlatformOrderId, r.Reason, r.PlatformModifiedAt, r.FirstRefusedAt, r.LastRefusedAt, r.Times);
}
