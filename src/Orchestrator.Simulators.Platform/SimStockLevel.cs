namespace Orchestrator.Simulators.Platform;

/// <summary>The sellable quantity a listing shows: per API (<c>top</c>, <c>jd</c>), seller and merchant code.</summary>
public sealed record SimStockLevel(string Api, string Seller, string OuterId, int Quantity);
