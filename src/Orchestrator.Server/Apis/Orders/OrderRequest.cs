namespace Orchestrator.Server.Apis.Orders;

/// <summary>A platform order pushed to intake (Taobao trade: tid, status, buyer_nick, receiver_*, buyer_message, seller_memo, pay_time, fees, orders[]).</summary>
public sealed record OrderRequest(
    string? PlatformOrderId,
    string? Status,
    string? BuyerNick,
    ReceiverRequest? Receiver,
    string? BuyerMessage,
    string? SellerMemo,
    DateTimeOffset? Created,
    DateTimeOffset? PayTime,
    DateTimeOffset? Modified,
    decimal TotalFee,
    decimal PostFee,
    decimal DiscountFee,
    decimal Payment,
    bool IsCod,
    IReadOnlyList<OrderLineRequest>? Lines);
