using Orchestrator.Integrations.Runtime.Pull;

namespace Orchestrator.Server.Apis.Pull;

/// <summary>One cycle run through the shop's pull grain, and the state it left.</summary>
public sealed record PullNowResponse(PullRunKind Outcome, DateTime? Since, DateTime? Until, int OrdersTaken, int OrdersRefused, string? Error, PullStateResponse State);
