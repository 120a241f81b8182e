namespace Orchestrator.Domain;

/// <summary>Merchant codes (商家编码) are compared trimmed and case-insensitively: pasted codes often carry spaces (seed 001).</summary>
public static class MerchantCode
{
    public static string Normalize(string code) => code.Trim().ToUpperInvariant();
}
