namespace Orchestrator.Domain.Orders;

/// <summary>Receiver phone numbers as typed by buyers: full-width digits and signs (１３９…, ＋８６) become their ASCII forms.</summary>
public static class PhoneNumber
{
    private const char FullWidthFirst = '\uFF01';
    private const char FullWidthLast = '\uFF5E';
    private const int FullWidthOffset = 0xFEE0;
    private const char IdeographicSpace = '\u3000';

    public static string Normalize(string mobile) => string.Create(mobile.Length, mobile, static (target, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            target[i] = c switch
            {
                >= FullWidthFirst and <= FullWidthLast => (char)(c - FullWidthOffset),
                IdeographicSpace => ' ',
                _ => c,
            };
        }
    }).Trim();
}
