namespace Orchestrator.Domain.Orders;

/// <summary>What a platform's own order status means for fulfilment.</summary>
public enum PlatformTradeState
{
    AwaitingPayment,
    ReadyToShip,
    Shipped,
    Closed,
}
