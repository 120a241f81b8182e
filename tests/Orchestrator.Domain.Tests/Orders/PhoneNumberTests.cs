using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Tests.Orders;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("１３９１２３４５６７８", "13912345678")]
    [InlineData("（０５７１）８８８８８８８８", "(0571)88888888")]
    [InlineData("　139１２３45678　", "13912345678")]
    [InlineData("139****5678", "139****5678")]
    [InlineData("", "")]
    public void Full_width_digits_and_signs_become_ascii(string typed, string normalized) =>
        Assert.Equal(normalized, PhoneNumber.Normalize(typed));

    [Theory]
    [InlineData("+86 138-0013-8000")]
    [InlineData("+8613800138000")]
    [InlineData("0086 138 0013 8000")]
    [InlineData("138-0013-8000")]
    [InlineData("138 0013 8000")]
    [InlineData("＋８６　１３８－００１３－８０００")]
    [InlineData(" 13800138000 ")]
    public void A_mainland_mobile_is_stored_as_its_11_digits(string typed) =>
        Assert.Equal("13800138000", PhoneNumber.Normalize(typed));

    [Theory]
    [InlineData("0571-88888888")]
    [InlineData("+86 571 8888 8888")]
    [InlineData("+1 415-555-0100")]
    [InlineData("+852 9123 4567")]
    [InlineData("12800138000")]
    [InlineData("138-0013-800")]
    [InlineData("86 138 0013 8000 1")]
    public void Landlines_foreign_and_malformed_numbers_are_kept_as_sent(string typed) =>
        Assert.Equal(typed, PhoneNumber.Normalize(typed));

    [Fact]
    public void Text_outside_the_full_width_block_is_left_alone() =>
        Assert.Equal("١٢٣ 📞 \uD800", PhoneNumber.Normalize("١٢٣ 📞 \uD800"));
}
