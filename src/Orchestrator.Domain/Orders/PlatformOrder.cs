using System.Security.Cryptography;
using System.Text.Json;

namespace Orchestrator.Domain.Orders;

/// <summary>An order as a platform pushes it to intake, already checked for shape.</summary>
public sealed record PlatformOrder
{
    public required string PlatformOrderId { get; init; }

    public required string Status { get; init; }

    public string? BuyerNick { get; init; }

    public required string ReceiverName { get; init; }

    public required string ReceiverMobile { get; init; }

    public required string ReceiverProvince { get; init; }

    public required string ReceiverCity { get; init; }

    public string? ReceiverDistrict { get; init; }

    public required string ReceiverAddress { get; init; }

    public string? ReceiverZip { get; init; }

    public string? BuyerMessage { get; init; }

    public string? SellerMemo { get; init; }

    public DateTime? CreatedAt { get; init; }

    public DateTime? PayTime { get; init; }

    /// <summary>The platform's last-modified time; an older push than the stored one is stale and ignored.</summary>
    public DateTime? ModifiedAt { get; init; }

    public decimal TotalFee { get; init; }

    public decimal PostFee { get; init; }

    public decimal DiscountFee { get; init; }

    public decimal Payment { get; init; }

    public bool IsCod { get; init; }

    public IReadOnlyList<PlatformOrderLine> Lines { get; init; } = [];

    /// <summary>A hash of everything the platform said, so a repeated identical push is recognised and ignored.</summary>
    public string Fingerprint()
    {
        return Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(this)));
    }
}
