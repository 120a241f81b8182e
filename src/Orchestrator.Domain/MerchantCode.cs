namespace Orchestrator.Domain;

/// <summary>
/// Merchant codes (商家编码) compare width-folded, trimmed and case-insensitively: pasted codes carry spaces (seed 001) and
/// Chinese input methods type ＳＫＵ－ＣＵＰ－０１ for SKU-CUP-01. The key is what the normalized code columns hold.
/// </summary>
public static class MerchantCode
{
    public static string Normalize(string code) => TextFolding.Fold(code).ToUpperInvariant();
}
