namespace Orchestrator.Server.Apis;

/// <summary>One page of a list, with the total so a client can show "1–50 of 312".</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);
