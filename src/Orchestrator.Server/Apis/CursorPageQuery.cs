namespace Orchestrator.Server.Apis;

/// <summary>
/// Paging parameters of the lists that can be deep (orders, instances, the review and exception queues): a page by
/// number as on every list, or by <c>cursor</c>, the previous page's <c>nextCursor</c>. A page by number counts its
/// total as it always did; a page by cursor counts it only with <c>includeTotal=true</c>, and <c>includeTotal=false</c>
/// skips the count on the first page too.
/// </summary>
internal sealed record CursorPageQuery(int? Page, int? PageSize, string? Cursor, bool? IncludeTotal)
{
    public PageQuery Numbers => new(Page, PageSize);

    public bool CountsTotal => IncludeTotal ?? Cursor is null;

    public IResult? Problem() =>
        Numbers.Problem()
        ?? (Cursor is not null && Page is not null ? Problems.Invalid("cursor", "Give either page or cursor, not both: the cursor says where the page starts.") : null);
}
