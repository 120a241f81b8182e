namespace Orchestrator.Domain.Catalog;

/// <summary>One goods a mapped code ships, per unit of the platform line.</summary>
public sealed record MappedComponent(long GoodsId, string MerchantCode, int QuantityPerUnit);
