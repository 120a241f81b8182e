using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Orchestrator.Domain.Fulfilment;

/// <summary>Tracking numbers (运单号) in each carrier's format, for the local issuer and the carrier simulator.</summary>
public static partial class TrackingNumbers
{
    /// <summary>SF: SF + 13 digits; JD: JDVA + 11 digits; YTO: YT + 13 digits; ZTO, STO, YUNDA: their digit prefixes; others: 15 digits.</summary>
    public static string New(string carrierCode) => carrierCode.ToUpperInvariant() switch
    {
        "SF" => "SF" + Digits(13),
        "JD" => "JDVA" + Digits(11),
        "YTO" => "YT" + Digits(13),
        "ZTO" => "7" + Digits(13),
        "STO" => "77" + Digits(11),
        "YUNDA" => "46" + Digits(11),
        _ => Digits(15),
    };

    /// <summary>Whether <paramref name="number"/> has the format <see cref="New"/> gives <paramref name="carrierCode"/>.</summary>
    public static bool IsValid(string carrierCode, string number) => carrierCode.ToUpperInvariant() switch
    {
        "SF" => Sf().IsMatch(number),
        "JD" => Jd().IsMatch(number),
        "YTO" => Yto().IsMatch(number),
        "ZTO" => Zto().IsMatch(number),
        "STO" => Sto().IsMatch(number),
        "YUNDA" => Yunda().IsMatch(number),
        _ => Other().IsMatch(number),
    };

    private static string Digits(int count) =>
        string.Create(count, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
            }
        });

    [GeneratedRegex("^SF[0-9]{13}$")]
    private static partial Regex Sf();

    [GeneratedRegex("^JDVA[0-9]{11}$")]
    private static partial Regex Jd();

    [GeneratedRegex("^YT[0-9]{13}$")]
    private static partial Regex Yto();

    [GeneratedRegex("^7[0-9]{13}$")]
    private static partial Regex Zto();

    [GeneratedRegex("^77[0-9]{11}$")]
    private static partial Regex Sto();

    [GeneratedRegex("^46[0-9]{11}$")]
    private static partial Regex Yunda();

    [GeneratedRegex("^[0-9]{15}$")]
    private static partial Regex Other();
}
