using System.Globalization;
using System.Text;

namespace Orchestrator.Rules;

/// <summary>
/// Makes text that means the same compare the same: lone surrogates become U+FFFD, zero-width and other format
/// characters go, NFKC folds width (ＡＢＣ１２３ → ABC123), traditional characters become simplified (發票 → 发票), case
/// is folded, runs of white space become one space and white space next to a CJK character goes (退 款 → 退款).
/// Never throws: a rule that cannot read the text would otherwise let the order through.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string? text)
    {
        var folded = Fold(text);
        return folded.Length == 0 ? "" : CollapseWhiteSpace(folded.ToLowerInvariant());
    }

    /// <summary>Folded but with case and white space kept, for regular expressions (which ignore case themselves).</summary>
    public static string Widen(string? text) => Fold(text);

    private static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                clean.Append('\uFFFD');
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                clean.Append(c);
            }
        }

        return ChineseVariants.ToSimplified(clean.ToString().Normalize(NormalizationForm.FormKC));
    }

    private static string CollapseWhiteSpace(string text)
    {
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace && !IsCjk(c) && !IsCjk(result[^1]))
            {
                result.Append(' ');
            }

            pendingSpace = false;
            result.Append(c);
        }

        return result.ToString();
    }

    // CJK scripts do not separate words with spaces, so a space between two of their characters is noise.
    private static bool IsCjk(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';
}
