using System.Globalization;
using System.Text;

namespace Orchestrator.Server.Printing;

/// <summary>
/// Code 128 (ISO/IEC 15417) as inline SVG, for tracking numbers on labels: code set C for an all-digit number of even
/// length (two digits a symbol), code set B otherwise (printable ASCII). No package: the symbology is one table.
/// </summary>
public static class Code128
{
    private const int StartB = 104;
    private const int StartC = 105;
    private const string StopPattern = "2331112";

    // Bar, space, bar, space, bar, space widths in modules for symbol values 0–105.
    private static readonly string[] Patterns =
    [
        "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
        "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
        "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
        "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
        "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
        "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
        "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
        "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
        "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
        "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
        "114131", "311141", "411131", "211412", "211214", "211232",
    ];

    /// <summary>The symbol values: start, data, checksum (without the stop).</summary>
    public static IReadOnlyList<int> Symbols(string text)
    {
        if (text.Length == 0 || text.Any(c => c is < ' ' or > '~'))
        {
            throw new ArgumentException("Code 128 B/C encodes printable ASCII only.", nameof(text));
        }

        var digits = text.Length % 2 == 0 && text.All(char.IsAsciiDigit);
        var symbols = new List<int> { digits ? StartC : StartB };
        if (digits)
        {
            for (var i = 0; i < text.Length; i += 2)
            {
                symbols.Add(int.Parse(text.AsSpan(i, 2), NumberStyles.None, CultureInfo.InvariantCulture));
            }
        }
        else
        {
            symbols.AddRange(text.Select(c => c - ' '));
        }

        var checksum = symbols[0];
        for (var i = 1; i < symbols.Count; i++)
        {
            checksum += symbols[i] * i;
        }

        symbols.Add(checksum % 103);
        return symbols;
    }

    /// <summary>The bars as an SVG scaled to <paramref name="widthMm"/> × <paramref name="heightMm"/>, with a quiet zone of ten modules each side.</summary>
    public static string Svg(string text, double widthMm, double heightMm)
    {
        var widths = string.Concat(Symbols(text).Select(s => Patterns[s])) + StopPattern;
        var modules = widths.Sum(w => w - '0') + 20;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"barcode\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{widthMm}mm\" height=\"{heightMm}mm\" viewBox=\"0 0 {modules} 100\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Code 128\">");
        var x = 10;
        for (var i = 0; i < widths.Length; i++)
        {
            var width = widths[i] - '0';
            if (i % 2 == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"0\" width=\"{width}\" height=\"100\"/>");
            }

            x += width;
        }

        return svg.Append("</svg>").ToString();
    }
}
