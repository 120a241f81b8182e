namespace Orchestrator.Domain.MasterData;

/// <summary>
/// One row of a carrier's freight template (运费模板): to <see cref="Province"/> (<c>*</c> for everywhere else), the
/// first <see cref="FirstWeightKg"/> cost <see cref="FirstFee"/>, and every started <see cref="AdditionalUnitKg"/>
/// after it <see cref="AdditionalFee"/> (首重 + 续重).
/// </summary>
public sealed class FreightRate
{
    public const string AnyProvince = "*";

    public long Id { get; set; }

    public long LogisticsCompanyId { get; set; }

    public required string Province { get; set; }

    public decimal FirstWeightKg { get; set; }

    public decimal FirstFee { get; set; }

    public decimal AdditionalUnitKg { get; set; } = 1m;

    public decimal AdditionalFee { get; set; }

    /// <summary>The fee for a package of <paramref name="weightKg"/>.</summary>
    public decimal FeeFor(decimal weightKg)
    {
        var beyond = Math.Max(0m, weightKg - FirstWeightKg);
        var units = AdditionalUnitKg <= 0 ? 0m : Math.Ceiling(beyond / AdditionalUnitKg);
        return FirstFee + (units * AdditionalFee);
    }

    /// <summary>The rate for a province: its own row, else the <c>*</c> row, else none.</summary>
    public static FreightRate? For(IEnumerable<FreightRate> template, string province)
    {
        var rates = template.ToList();
        return rates.FirstOrDefault(r => string.Equals(r.Province, province, StringComparison.Ordinal))
            ?? rates.FirstOrDefault(r => r.Province == AnyProvince);
    }
}
