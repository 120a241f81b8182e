namespace Orchestrator.Integrations.Platforms.Top;

/// <summary>A trade as <c>taobao.trades.sold.increment.get</c> returns it (snake_case on the wire, times in China time).</summary>
public sealed record TopTrade
{
    public long Tid { get; init; }

    public string? Status { get; init; }

    public string? Type { get; init; }

    public string? Created { get; init; }

    public string? PayTime { get; init; }

    public string? Modified { get; init; }

    public decimal Payment { get; init; }

    public decimal TotalFee { get; init; }

    public decimal PostFee { get; init; }

    public decimal DiscountFee { get; init; }

    public string? BuyerNick { get; init; }

    public string? BuyerMessage { get; init; }

    public string? SellerMemo { get; init; }

    public string? ReceiverName { get; init; }

    public string? ReceiverMobile { get; init; }

    public string? ReceiverState { get; init; }

    public string? ReceiverCity { get; init; }

    public string? ReceiverDistrict { get; init; }

    public string? ReceiverAddress { get; init; }

    public string? ReceiverZip { get; init; }

    public TopOrderList? Orders { get; init; }
}
