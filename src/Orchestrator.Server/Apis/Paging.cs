using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Orchestrator.Server.Apis;

/// <summary>Turns an ordered query into one page.</summary>
internal static class Paging
{
    public static async Task<Page<TOut>> ToPageAsync<TIn, TOut>(this IQueryable<TIn> query, PageQuery page, Func<TIn, TOut> map, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip((page.PageNumber - 1) * page.Size).Take(page.Size).ToListAsync(cancellationToken);
        return new Page<TOut>(items.Select(map).ToList(), page.PageNumber, page.Size, total);
    }

    /// <summary>
    /// One page of a list in <paramref name="keyset"/>'s order, by number or after a cursor, with the next page's cursor;
    /// only the columns <paramref name="select"/> names are read. A cursor that is not this list's is a 400 naming <c>cursor</c>.
    /// </summary>
    public static async Task<IResult> ToPageAsync<TIn, TRow, TOut>(
        this IQueryable<TIn> query, CursorPageQuery page, Keyset<TIn> keyset, Expression<Func<TIn, TRow>> select, Func<TRow, TOut> map,
        CancellationToken cancellationToken)
    {
        var size = page.Numbers.Size;
        var pageNumber = page.Numbers.PageNumber;
        var skip = (pageNumber - 1) * size;
        var rows = query;
        if (page.Cursor is { } text)
        {
            if (Cursor.Decode(text, keyset.List, keyset.KeyParts) is not { } cursor || keyset.After(query, cursor.Key) is not { } after)
            {
                return Problems.Invalid("cursor", "cursor is not a nextCursor of this list; leave it out to start from the first page.");
            }

            (rows, pageNumber, skip) = (after, cursor.PageNumber, 0);
        }

        int? total = page.CountsTotal ? await query.CountAsync(cancellationToken) : null;
        var read = await keyset.TakeAsync(rows, skip, size + 1, select, cancellationToken);
        var next = read.Count > size ? new Cursor(keyset.List, pageNumber + 1, read[size - 1].Key).Encode() : null;
        return Results.Ok(new Page<TOut>(read.Take(size).Select(r => map(r.Row)).ToList(), pageNumber, size, total) { NextCursor = next });
    }
}
