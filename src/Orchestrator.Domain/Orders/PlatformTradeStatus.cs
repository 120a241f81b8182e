namespace Orchestrator.Domain.Orders;

/// <summary>Classifies the status strings platforms send (Taobao TOP, JD, Amazon SP-API, AliExpress, POS).</summary>
public static class PlatformTradeStatus
{
    private static readonly Dictionary<string, PlatformTradeState> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        // Taobao / Tmall
        ["TRADE_NO_CREATE_PAY"] = PlatformTradeState.AwaitingPayment,
        ["WAIT_BUYER_PAY"] = PlatformTradeState.AwaitingPayment,
        ["PAY_PENDING"] = PlatformTradeState.AwaitingPayment,
        ["WAIT_PRE_AUTH_CONFIRM"] = PlatformTradeState.AwaitingPayment,
        ["PAID_FORBID_CONSIGN"] = PlatformTradeState.AwaitingPayment,
        ["WAIT_SELLER_SEND_GOODS"] = PlatformTradeState.ReadyToShip,
        ["SELLER_CONSIGNED_PART"] = PlatformTradeState.ReadyToShip,
        ["WAIT_BUYER_CONFIRM_GOODS"] = PlatformTradeState.Shipped,
        ["TRADE_BUYER_SIGNED"] = PlatformTradeState.Shipped,
        ["TRADE_FINISHED"] = PlatformTradeState.Shipped,
        ["TRADE_CLOSED"] = PlatformTradeState.Closed,
        ["TRADE_CLOSED_BY_TAOBAO"] = PlatformTradeState.Closed,

        // JD
        ["WAIT_SELLER_STOCK_OUT"] = PlatformTradeState.ReadyToShip,
        ["WAIT_GOODS_RECEIVE_CONFIRM"] = PlatformTradeState.Shipped,
        ["FINISHED_L"] = PlatformTradeState.Shipped,
        ["TRADE_CANCELED"] = PlatformTradeState.Closed,

        // Locked (a refund or cancel request is open): held like an unpaid order until JD unlocks it, never fulfilled meanwhile.
        ["LOCKED"] = PlatformTradeState.AwaitingPayment,

        // Amazon SP-API
        ["Pending"] = PlatformTradeState.AwaitingPayment,
        ["Unshipped"] = PlatformTradeState.ReadyToShip,
        ["PartiallyShipped"] = PlatformTradeState.ReadyToShip,
        ["Shipped"] = PlatformTradeState.Shipped,
        ["Canceled"] = PlatformTradeState.Closed,
        ["Unfulfillable"] = PlatformTradeState.Closed,

        // AliExpress
        ["PLACE_ORDER_SUCCESS"] = PlatformTradeState.AwaitingPayment,
        ["SELLER_PART_SEND_GOODS"] = PlatformTradeState.ReadyToShip,
        ["FINISH"] = PlatformTradeState.Shipped,
        ["IN_CANCEL"] = PlatformTradeState.Closed,

        // POS and hand-keyed orders
        ["PAID"] = PlatformTradeState.ReadyToShip,
    };

    public static IEnumerable<string> KnownStatuses => Known.Keys;

    public static bool TryClassify(string? status, out PlatformTradeState state)
    {
        state = default;
        return status is not null && Known.TryGetValue(status.Trim(), out state);
    }
}
