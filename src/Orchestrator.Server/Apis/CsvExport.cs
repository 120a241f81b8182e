using System.Linq.Expressions;
using System.Text;

namespace Orchestrator.Server.Apis;

/// <summary>
/// A list as a CSV file for Excel (the orders, the review inbox, the exception queue): UTF-8 with a BOM, a header row,
/// <see cref="Csv"/> rows. The rows stream out in the list's own keyset order a batch at a time, each batch one index
/// range read flushed before the next, so 100,000 rows never sit in memory and the file lists what the screen lists.
/// </summary>
internal static class CsvExport
{
    /// <summary>Rows read per round trip; big enough that the seeks do not dominate, small enough to stay a few MB.</summary>
    private const int Batch = 1000;

    /// <summary><paramref name="query"/> as <c>{name}-yyyyMMdd-HHmm.csv</c>, one row of <paramref name="fields"/> per row <paramref name="select"/> reads.</summary>
    public static IResult Stream<T, TRow>(
        string name, DateTimeOffset now, IReadOnlyList<string> headers, IQueryable<T> query, Keyset<T> order, Expression<Func<T, TRow>> select,
        Func<TRow, IEnumerable<string?>> fields, CancellationToken ct) =>
        Results.Stream(stream => WriteAsync(stream, headers, query, order, select, fields, Batch, ct), "text/csv; charset=utf-8", $"{name}-{now:yyyyMMdd-HHmm}.csv");

    /// <summary>Writes the file to <paramref name="stream"/>, reading <paramref name="batch"/> rows per round trip.</summary>
    internal static async Task WriteAsync<T, TRow>(
        Stream stream, IReadOnlyList<string> headers, IQueryable<T> query, Keyset<T> order, Expression<Func<T, TRow>> select,
        Func<TRow, IEnumerable<string?>> fields, int batch, CancellationToken ct)
    {
        await stream.WriteAsync(Csv.ByteOrderMark.ToArray(), ct);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(Csv.Row(headers));
        var rows = query;
        while (true)
        {
            var read = await order.TakeAsync(rows, 0, batch, select, ct);
            foreach (var (row, _) in read)
            {
                await writer.WriteAsync(Csv.Row(fields(row)));
            }

            await writer.FlushAsync(ct);
            if (read.Count < batch)
            {
                break;
            }

            // The key came from this keyset a line above, so it always parses.
            rows = order.After(query, read[^1].Key)!;
        }
    }
}
