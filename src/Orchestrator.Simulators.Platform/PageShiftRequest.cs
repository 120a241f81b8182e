namespace Orchestrator.Simulators.Platform;

/// <summary>
/// How the seller's next order search (all its pages) shifts, as TOP's pages do while trades change under a paging caller:
/// <paramref name="Copies"/> are served on page 1 besides the trades (an older or newer copy of a tid the page also holds),
/// and page <paramref name="RepeatPage"/> is served twice (as itself and as the page after it), the later pages one further on.
/// </summary>
public sealed record PageShiftRequest(string Seller, IReadOnlyList<SimTrade>? Copies = null, int? RepeatPage = null);
