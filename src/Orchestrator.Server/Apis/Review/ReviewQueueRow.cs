namespace Orchestrator.Server.Apis.Review;

/// <summary>The columns one inbox row shows, read in the query (a class with setters so EF Core can sort and seek on it).</summary>
internal sealed class ReviewQueueRow
{
    public long OrderId { get; init; }

    public Guid InstanceId { get; init; }

    public long ShopId { get; init; }

    public string PlatformOrderId { get; init; } = "";

    public string? BuyerNick { get; init; }

    public decimal Payment { get; init; }

    public string? BuyerMessage { get; init; }

    public string? SellerMemo { get; init; }

    public string ReceiverProvince { get; init; } = "";

    public string ReceiverCity { get; init; } = "";

    public string? ReceiverDistrict { get; init; }

    public string ReceiverAddress { get; init; } = "";

    public string? BlockedReason { get; init; }

    public DateTime WaitingSince { get; init; }

    public ReviewQueueItem ToItem(DateTime now) => new(
        OrderId, InstanceId, ShopId, PlatformOrderId, BuyerNick, Payment, BuyerMessage, SellerMemo, ReceiverProvince, ReceiverCity, ReceiverDistrict,
        ReceiverAddress, (BlockedReason ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries), WaitingSince, Math.Round((now - WaitingSince).TotalMinutes, 1));
}
