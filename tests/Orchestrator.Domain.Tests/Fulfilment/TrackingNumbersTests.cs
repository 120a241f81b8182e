using Orchestrator.Domain.Fulfilment;

namespace Orchestrator.Domain.Tests.Fulfilment;

public sealed class TrackingNumbersTests
{
    [Theory]
    [InlineData("SF", "^SF[0-9]{13}$")]
    [InlineData("sf", "^SF[0-9]{13}$")]
    [InlineData("JD", "^JDVA[0-9]{11}$")]
    [InlineData("YTO", "^YT[0-9]{13}$")]
    [InlineData("ZTO", "^7[0-9]{13}$")]
    [InlineData("STO", "^77[0-9]{11}$")]
    [InlineData("YUNDA", "^46[0-9]{11}$")]
    [InlineData("EMS", "^[0-9]{15}$")]
    public void Numbers_have_the_carriers_format(string carrier, string pattern)
    {
        var number = TrackingNumbers.New(carrier);

        Assert.Matches(pattern, number);
        Assert.True(TrackingNumbers.IsValid(carrier, number));
    }

    [Theory]
    [InlineData("SF", "SF123")]
    [InlineData("SF", "YT1234567890123")]
    [InlineData("JD", "JD12345678901")]
    [InlineData("YTO", "SF1234567890123")]
    public void Numbers_of_another_format_are_not_valid(string carrier, string number) =>
        Assert.False(TrackingNumbers.IsValid(carrier, number));

    [Fact]
    public void Numbers_differ_from_one_call_to_the_next() =>
        Assert.Equal(100, Enumerable.Range(0, 100).Select(_ => TrackingNumbers.New("SF")).Distinct().Count());
}
