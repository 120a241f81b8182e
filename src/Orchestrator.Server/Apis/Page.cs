namespace Orchestrator.Server.Apis;

/// <summary>
/// One page of a list. <see cref="Total"/> lets a client show "1–50 of 312"; it is null on a page walked by cursor unless
/// <c>includeTotal=true</c> asked for it, since counting a deep backlog costs as much as sorting it.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int? Total)
{
    /// <summary>Where the next page starts (pass it as <c>cursor</c>); null on the last page and on lists without keyset paging.</summary>
    public string? NextCursor { get; init; }
}
