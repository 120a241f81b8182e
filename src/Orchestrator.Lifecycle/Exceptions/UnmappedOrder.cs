using Orchestrator.Domain.Orders;

namespace Orchestrator.Lifecycle.Exceptions;

/// <summary>An order in the exception queue as <c>UnmappedSku</c>, with the merchant codes it still waits on (each once).</summary>
public sealed record UnmappedOrder(long EntryId, long OrderId, long ShopId, ExceptionSource Source, IReadOnlyList<string> MerchantCodes);
