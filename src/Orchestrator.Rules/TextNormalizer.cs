using System.Text;

namespace Orchestrator.Rules;

/// <summary>Text comparisons ignore case and width: NFKC turns full-width ＡＢＣ１２３ into ABC123, then case is folded.</summary>
public static class TextNormalizer
{
    public static string Normalize(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Trim();

    /// <summary>Width-folded only, for regular expressions (which match case-insensitively themselves).</summary>
    public static string Widen(string? text) => string.IsNullOrEmpty(text) ? "" : text.Normalize(NormalizationForm.FormKC);
}
