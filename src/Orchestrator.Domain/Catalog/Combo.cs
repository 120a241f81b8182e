namespace Orchestrator.Domain.Catalog;

/// <summary>A bundle (套餐): one platform merchant code that ships as several goods.</summary>
public sealed class Combo : Entity
{
    private string _code = "";

    /// <summary>The combo code (套餐编码); unique among combos, and wins over a goods with the same code.</summary>
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

    public required string Name { get; set; }

    public bool IsEnabled { get; set; } = true;

    public List<ComboItem> Items { get; set; } = [];
}
