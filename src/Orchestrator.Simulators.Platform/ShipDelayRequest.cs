namespace Orchestrator.Simulators.Platform;

/// <summary>How long ship confirmations take to answer from now on; 0 answers at once.</summary>
public sealed record ShipDelayRequest(int Milliseconds);
