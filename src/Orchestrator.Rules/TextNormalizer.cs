using Orchestrator.Domain;

namespace Orchestrator.Rules;

/// <summary>Text comparisons ignore case and width: NFKC turns full-width ＡＢＣ１２３ into ABC123, then case is folded.</summary>
public static class TextNormalizer
{
    public static string Normalize(string? text) => TextFolding.Fold(text).ToLowerInvariant();

    /// <summary>Width-folded only, for regular expressions (which match case-insensitively themselves).</summary>
    public static string Widen(string? text) => TextFolding.Widen(text);
}
