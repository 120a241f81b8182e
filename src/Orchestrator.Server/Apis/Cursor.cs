using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Orchestrator.Server.Apis;

/// <summary>
/// Where a page walked by cursor starts: the list it belongs to (a cursor of another list is refused), the number of
/// that page, and the sort key of the row before it. Opaque to clients: base64url of <c>list|page|key…</c>.
/// </summary>
internal sealed record Cursor(string List, int PageNumber, IReadOnlyList<string> Key)
{
    private const char Separator = '|';

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join(Separator, [List, PageNumber.ToString(CultureInfo.InvariantCulture), .. Key])));

    /// <summary>The cursor, or null when the text is not one of <paramref name="list"/>'s cursors with <paramref name="keyParts"/> key parts.</summary>
    public static Cursor? Decode(string text, string list, int keyParts)
    {
        if (text.Length is 0 or > 512 || !Base64Url.IsValid(text))
        {
            return null;
        }

        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split(Separator);
        }
        catch (FormatException)
        {
            return null;
        }

        return parts.Length == keyParts + 2 && parts[0] == list
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 1
            ? new Cursor(list, page, parts[2..])
            : null;
    }
}
