using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;

namespace Orchestrator.Server.Apis.Exceptions;

/// <summary>
/// <c>GET /api/exceptions/export.csv</c>: the exception queue's filter (state, kind, shop) as a CSV file (<see cref="CsvExport"/>),
/// oldest first as the list; a reviewer exports the entries of their shops only, as the list shows.
/// </summary>
internal static class ExceptionExport
{
    private static readonly string[] Headers =
        ["异常编号", "订单号", "平台订单号", "店铺", "异常类型", "说明", "来源", "离开环节", "订单状态", "发起人", "发起时间 (UTC)", "解决时间 (UTC)", "处理人", "处理说明"];

    public static async Task<IResult> ExportAsync(
        HttpContext http, OrchestratorDbContext db, TimeProvider clock, string? kind, long? shopId, string? state, CancellationToken ct)
    {
        if (ExceptionFilter.Problem(state, kind) is { } problem)
        {
            return problem;
        }

        var entries = db.ExceptionQueue.AsNoTracking().VisibleTo(http.User, shopId).Filtered(state, kind);
        var shops = await db.Shops.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return CsvExport.Stream("exceptions", clock.GetUtcNow(), Headers, ExceptionsApi.Rows(db, entries), ExceptionsApi.OldestFirst, r => new
        {
            r.Entry.Id,
            r.Entry.OrderId,
            r.Entry.ShopId,
            r.PlatformOrderId,
            r.Entry.Kind,
            r.Entry.Detail,
            r.Entry.Source,
            r.Entry.Stage,
            r.OrderStatus,
            r.Entry.RaisedBy,
            r.Entry.RaisedAt,
            r.Entry.ResolvedAt,
            r.Entry.ResolvedBy,
            r.Entry.Resolution,
        }, e => [
            Csv.Number(e.Id), Csv.Number(e.OrderId), Csv.Text(e.PlatformOrderId), Csv.Text(shops.GetValueOrDefault(e.ShopId)), ExportTerms.Of(e.Kind),
            Csv.Text(e.Detail), ExportTerms.Of(e.Source), Csv.Text(e.Stage), ExportTerms.Of(e.OrderStatus), Csv.Text(e.RaisedBy), Csv.Time(e.RaisedAt),
            Csv.Time(e.ResolvedAt), Csv.Text(e.ResolvedBy), Csv.Text(e.Resolution),
        ], ct);
    }
}
