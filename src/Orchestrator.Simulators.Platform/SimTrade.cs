namespace Orchestrator.Simulators.Platform;

/// <summary>A trade as TOP returns it; times are China time strings (<c>yyyy-MM-dd HH:mm:ss</c>).</summary>
public sealed record SimTrade
{
    public long Tid { get; init; }

    public string Status { get; init; } = "WAIT_SELLER_SEND_GOODS";

    public string Type { get; init; } = "fixed";

    public string? Created { get; init; }

    public string? PayTime { get; init; }

    public string? Modified { get; init; }

    public string? ConsignTime { get; init; }

    public decimal Payment { get; init; }

    public decimal TotalFee { get; init; }

    public decimal PostFee { get; init; }

    public decimal DiscountFee { get; init; }

    /// <summary>Whose trade it is; the router answers a call only with the trades of its <c>session</c>, when one is given.</summary>
    public string? SellerNick { get; init; }

    public string BuyerNick { get; init; } = "茶友小王";

    public string? BuyerMessage { get; init; }

    public string? SellerMemo { get; init; }

    public string ReceiverName { get; init; } = "王小明";

    public string ReceiverMobile { get; init; } = "13912345678";

    public string ReceiverState { get; init; } = "浙江省";

    public string ReceiverCity { get; init; } = "杭州市";

    public string? ReceiverDistrict { get; init; } = "西湖区";

    public string ReceiverAddress { get; init; } = "文三路90号";

    public string? ReceiverZip { get; init; }

    public SimOrderList Orders { get; init; } = new([]);
}
