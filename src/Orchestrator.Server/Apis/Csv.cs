using System.Globalization;
using System.Text;

namespace Orchestrator.Server.Apis;

/// <summary>
/// RFC 4180 fields for the CSV exports: a field with a comma, quote or line break is quoted and its quotes doubled;
/// rows end in CRLF. Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe,
/// since buyer nicks and messages come from strangers.
/// </summary>
internal static class Csv
{
    /// <summary>UTF-8's byte order mark: without it Excel reads the file as the system code page and garbles Chinese.</summary>
    public static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    public const string RowEnd = "\r\n";

    public static string Row(IEnumerable<string?> fields) => string.Join(',', fields.Select(Field)) + RowEnd;

    /// <summary>Free text from a platform or a person, guarded against formula injection, then quoted as needed.</summary>
    public static string Text(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value ?? "";

    /// <summary>A time as the exports write it: UTC (the headers say so), to the second, sortable as text.</summary>
    public static string Time(DateTime? value) => value?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Yuan with two decimals and a point, whatever the server's culture.</summary>
    public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return value;
        }

        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            quoted.Append(c == '"' ? "\"\"" : c);
        }

        return quoted.Append('"').ToString();
    }
}
