namespace Orchestrator.Server.Apis;

/// <summary>Paging parameters every list endpoint takes: <c>?page=1&amp;pageSize=50</c>.</summary>
internal sealed record PageQuery(int? Page, int? PageSize)
{
    public const int MaxPageSize = 200;

    public int PageNumber => Page ?? 1;

    public int Size => PageSize ?? 50;

    public IResult? Problem() =>
        PageNumber < 1 ? Problems.Invalid("page", "page starts at 1.")
        : Size is < 1 or > MaxPageSize ? Problems.Invalid("pageSize", $"pageSize must be between 1 and {MaxPageSize}.")
        : null;
}
