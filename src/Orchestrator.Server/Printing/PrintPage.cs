using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Orchestrator.Server.Printing;

/// <summary>The shell of a printable page: no navigation, print CSS, and every server value HTML-encoded through <see cref="Encode"/>.</summary>
internal static class PrintPage
{
    // Chinese names and addresses stay readable in the source; markup characters are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? value) => value is null ? "" : Encoder.Encode(value);

    public static IResult Html(string title, string css, string body) => Results.Content(
        $$"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <title>{{Encode(title)}}</title>
        <style>
        body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #000; margin: 0; }
        {{css}}
        </style>
        </head>
        <body>
        {{body}}
        </body>
        </html>
        """, "text/html; charset=utf-8");
}
