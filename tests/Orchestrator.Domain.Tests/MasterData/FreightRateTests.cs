using Orchestrator.Domain.MasterData;

namespace Orchestrator.Domain.Tests.MasterData;

public class FreightRateTests
{
    private static readonly FreightRate[] Template =
    [
        new() { Province = "浙江省", FirstWeightKg = 1m, FirstFee = 8m, AdditionalUnitKg = 1m, AdditionalFee = 2m },
        new() { Province = FreightRate.AnyProvince, FirstWeightKg = 1m, FirstFee = 12m, AdditionalUnitKg = 0.5m, AdditionalFee = 3m },
    ];

    [Theory]
    [InlineData("浙江省", 0.4, 8)]       // within the first weight
    [InlineData("浙江省", 1.0, 8)]
    [InlineData("浙江省", 1.01, 10)]     // a started kilogram counts whole
    [InlineData("浙江省", 3.5, 14)]
    [InlineData("新疆维吾尔自治区", 1.6, 18)] // no own row: the * row, half-kilogram steps
    public void Freight_is_first_weight_plus_every_started_additional_unit(string province, double weightKg, int fee) =>
        Assert.Equal((decimal)fee, FreightRate.For(Template, province)!.FeeFor((decimal)weightKg));

    [Fact]
    public void Without_a_matching_row_or_a_default_there_is_no_rate() =>
        Assert.Null(FreightRate.For(Template.Take(1), "广东省"));
}
