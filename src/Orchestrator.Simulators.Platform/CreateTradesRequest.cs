namespace Orchestrator.Simulators.Platform;

/// <summary>Trades to add: given ones as they are, plus <paramref name="Generate"/> made up over <paramref name="OuterSkuIds"/>.</summary>
public sealed record CreateTradesRequest(IReadOnlyList<SimTrade>? Trades, int Generate = 0, IReadOnlyList<string>? OuterSkuIds = null);
