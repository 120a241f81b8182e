namespace Orchestrator.Domain.Orders;

/// <summary>
/// Receiver phone numbers as buyers type them. Full-width digits and signs (１３９…, ＋８６) become ASCII; a mainland
/// mobile becomes its 11 digits whatever the spacing, dashes or +86 / 0086 prefix, so one buyer's number compares equal
/// across pushes and couriers get what they expect. Anything else (landlines, foreign or masked numbers) stays as sent.
/// </summary>
public static class PhoneNumber
{
    private const int MobileLength = 11;

    private static readonly string[] CountryPrefixes = ["+86", "0086"];

    public static string Normalize(string mobile)
    {
        var folded = TextFolding.Fold(mobile);
        return MainlandMobile(folded) ?? folded;
    }

    private static string? MainlandMobile(string phone)
    {
        var compact = string.Concat(phone.Where(c => c is not (' ' or '-')));
        foreach (var prefix in CountryPrefixes)
        {
            if (compact.StartsWith(prefix, StringComparison.Ordinal))
            {
                compact = compact[prefix.Length..];
                break;
            }
        }

        // Mainland mobiles are 1[3-9] and nine more digits; landlines start with 0 and have area codes.
        return compact.Length == MobileLength && compact[0] == '1' && compact[1] is >= '3' and <= '9' && compact.All(char.IsAsciiDigit)
            ? compact
            : null;
    }
}
