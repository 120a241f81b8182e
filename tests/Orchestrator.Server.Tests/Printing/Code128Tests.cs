using System.Text.RegularExpressions;
using Orchestrator.Server.Printing;

namespace Orchestrator.Server.Tests.Printing;

/// <summary>Code 128 for tracking numbers: symbols and checksums worked out by hand from the symbology.</summary>
public sealed partial class Code128Tests
{
    [Fact]
    public void Text_is_encoded_in_code_set_b_with_the_weighted_modulo_103_checksum()
    {
        // Start B 104; P 48, J 42, J 42, 1 17, 2 18, 3 19, C 35; 104 + 48 + 84 + 126 + 68 + 90 + 114 + 245 = 879 ≡ 55 (mod 103).
        Assert.Equal([104, 48, 42, 42, 17, 18, 19, 35, 55], Code128.Symbols("PJJ123C"));
    }

    [Fact]
    public void An_even_run_of_digits_is_packed_two_to_a_symbol_in_code_set_c()
    {
        // Start C 105; 12, 34; 105 + 12 + 68 = 185 ≡ 82 (mod 103).
        Assert.Equal([105, 12, 34, 82], Code128.Symbols("1234"));
    }

    [Fact]
    public void The_svg_draws_three_bars_a_symbol_and_four_for_the_stop_over_eleven_modules_each_plus_thirteen_and_quiet_zones()
    {
        var svg = Code128.Svg("PJJ123C", 90, 22);

        Assert.Equal(9 * 3 + 4, Bars().Count(svg));
        Assert.Contains($"viewBox=\"0 0 {(9 * 11) + 13 + 20} 100\"", svg, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Code128.Symbols("顺丰"));
    }

    [GeneratedRegex("<rect ")]
    private static partial Regex Bars();
}
