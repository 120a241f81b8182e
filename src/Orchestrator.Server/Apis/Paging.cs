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
}
