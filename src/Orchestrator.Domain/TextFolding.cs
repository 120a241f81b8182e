using System.Text;

namespace Orchestrator.Domain;

/// <summary>
/// Width folding (NFKC): Chinese input methods type full-width ＳＫＵ－０１ and ＋８６, which mean the same as SKU-01 and +86.
/// The one place merchant codes and phones are folded; review rules fold further (case, variants) in Orchestrator.Rules.TextNormalizer.
/// </summary>
public static class TextFolding
{
    /// <summary>NFKC of <paramref name="text"/>; text that cannot be normalized (a lone surrogate) is returned as it is.</summary>
    public static string Widen(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Ill-formed UTF-16 from a platform must still compare (as sent), not fail the order it came with.
            return text;
        }
    }

    /// <summary>Width-folded and trimmed (ideographic spaces too), case kept.</summary>
    public static string Fold(string? text) => Widen(text).Trim();
}
