namespace Orchestrator.Domain.Catalog;

/// <summary>
/// A platform merchant code (商家编码) a person mapped to existing goods or a combo whose own code differs (映射商家编码):
/// exactly one of <see cref="GoodsId"/> and <see cref="ComboId"/> is set. A combo's or goods' own code wins over a mapping.
/// </summary>
public sealed class MerchantCodeMapping : Entity
{
    private string _code = "";

    /// <summary>The code as the platform sends it; unique among mappings, compared as <see cref="MerchantCode.Normalize"/> keys.</summary>
    public required string Code
    {
        get => _code;
        set
        {
            _code = value.Trim();
            NormalizedCode = MerchantCode.Normalize(value);
        }
    }

    public string NormalizedCode { get; private set; } = "";

    public long? GoodsId { get; set; }

    public long? ComboId { get; set; }
}
