namespace Orchestrator.Simulators.Platform;

/// <summary>Intake's <c>orders:batch</c> URL of the shop new trades go to; null stops pushing.</summary>
public sealed record PushUrlRequest(string? Url, string? ApiKey = null);
