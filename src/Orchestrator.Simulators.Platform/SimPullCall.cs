namespace Orchestrator.Simulators.Platform;

/// <summary>One order search as received: the API, the seller (session / access token), and the window in the caller's own words.</summary>
public sealed record SimPullCall(string Api, string? Seller, string Start, string End, DateTimeOffset At);
