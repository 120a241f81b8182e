using Orchestrator.Domain.Orders;

namespace Orchestrator.Domain.Tests.Orders;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("１３９１２３４５６７８", "13912345678")]
    [InlineData("＋８６　１３９－１２３４－５６７８", "+86 139-1234-5678")]
    [InlineData("（０５７１）８８８８８８８８", "(0571)88888888")]
    [InlineData("　139１２３45678　", "13912345678")]
    [InlineData("139****5678", "139****5678")]
    [InlineData("", "")]
    public void Full_width_digits_and_signs_become_ascii(string typed, string normalized) =>
        Assert.Equal(normalized, PhoneNumber.Normalize(typed));

    [Fact]
    public void Text_outside_the_full_width_block_is_left_alone() =>
        Assert.Equal("١٢٣ 📞 \uD800", PhoneNumber.Normalize("١٢٣ 📞 \uD800"));
}
