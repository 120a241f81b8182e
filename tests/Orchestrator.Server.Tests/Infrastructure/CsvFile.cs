using System.Net;
using System.Text;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>Reads the CSV exports back as Excel would: a UTF-8 BOM first, then RFC 4180 rows.</summary>
public static class CsvFile
{
    /// <summary>The file at <paramref name="path"/> after its BOM; fails the test on any other status or a missing BOM.</summary>
    public static async Task<string> TextAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {response.StatusCode} {Encoding.UTF8.GetString(bytes)}");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]);
    }

    /// <summary>
    /// The export at <paramref name="path"/> as a download: 200, <c>text/csv</c>, named <c>{name}-yyyyMMdd-HHmm.csv</c>,
    /// a BOM, rows ending in CRLF; its text after the BOM.
    /// </summary>
    public static async Task<string> DownloadAsync(HttpClient client, string path, string name)
    {
        var response = await client.GetAsync(path);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {response.StatusCode} {Encoding.UTF8.GetString(bytes)}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches($@"^{name}-\d{{8}}-\d{{4}}\.csv$", response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        return text;
    }

    /// <summary>The rows of the file at <paramref name="path"/>, its header first.</summary>
    public static async Task<List<string[]>> RowsAsync(HttpClient client, string path) => Parse(await TextAsync(client, path));

    /// <summary>An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; rows end in CRLF.</summary>
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.Empty(row);
        return rows;
    }

    /// <summary>Each data row's value in the column headed <paramref name="header"/>.</summary>
    public static List<string> Column(List<string[]> rows, string header)
    {
        var index = Array.IndexOf(rows[0], header);
        Assert.True(index >= 0, $"no column '{header}' in {string.Join(",", rows[0])}");
        return rows[1..].Select(r => r[index]).ToList();
    }
}
