using Orchestrator.Domain.Orders;

namespace Orchestrator.Server.Apis.Exceptions;

/// <summary>An entry with the two columns of its order a queue row shows (a class with setters so EF Core can sort and seek on it).</summary>
internal sealed class ExceptionQueueRow
{
    public ExceptionQueueEntry Entry { get; init; } = null!;

    public string PlatformOrderId { get; init; } = "";

    public OrderStatus OrderStatus { get; init; }
}
