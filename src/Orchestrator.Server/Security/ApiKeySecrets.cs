using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Server.Security;

/// <summary>
/// The shape of an integration key: <c>ork_</c>, an 8-character prefix that finds the row, and 32 random bytes. Only the
/// SHA-256 of the whole key is stored; with 256 random bits a slow password hash would add nothing but latency on intake.
/// </summary>
public static class ApiKeySecrets
{
    public const string Header = "X-Api-Key";
    private const string Marker = "ork_";
    private const int PrefixLength = 8;
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static (string Key, string Prefix, byte[] Hash) Create()
    {
        var prefix = RandomNumberGenerator.GetString(Alphabet, PrefixLength);
        var key = Marker + prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (key, prefix, Hash(key));
    }

    /// <summary>How a key with this stored prefix starts, as people see it in the key itself: what the key list shows.</summary>
    public static string Start(string prefix) => Marker + prefix;

    /// <summary>The prefix of a well-formed key, or null for anything else (which then never reaches the database).</summary>
    public static string? PrefixOf(string key) =>
        key.Length is > 12 and <= 100 && key.StartsWith(Marker, StringComparison.Ordinal) ? key.Substring(Marker.Length, PrefixLength) : null;

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static bool Matches(string key, byte[] hash) => CryptographicOperations.FixedTimeEquals(Hash(key), hash);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
