namespace Orchestrator.Domain.Catalog;

/// <summary>A single product as it sits in the warehouse (商品/单品); its SKU code is the merchant code platforms send.</summary>
public sealed class Goods : Entity
{
    private string _merchantCode = "";

    /// <summary>The SKU code (内部编码); unique among goods, compared trimmed and case-insensitively.</summary>
    public required string MerchantCode
    {
        get => _merchantCode;
        set
        {
            _merchantCode = value.Trim();
            NormalizedMerchantCode = Domain.MerchantCode.Normalize(value);
        }
    }

    public string NormalizedMerchantCode { get; private set; } = "";

    public string? Barcode { get; set; }

    public required string Name { get; set; }

    public string? Spec { get; set; }

    public decimal WeightKg { get; set; }

    public decimal Price { get; set; }

    /// <summary>Available stock at or below this (in a warehouse) is shown as low; null means no warning.</summary>
    public int? LowStockThreshold { get; set; }

    public bool IsEnabled { get; set; } = true;
}
