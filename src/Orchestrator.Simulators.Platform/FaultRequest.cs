namespace Orchestrator.Simulators.Platform;

/// <summary>Fail the next <paramref name="Count"/> calls of <paramref name="Method"/>.</summary>
public sealed record FaultRequest(string Method, int Count, FaultKind Kind = FaultKind.TopError);
