using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;

namespace Orchestrator.Server.Apis.Review;

/// <summary>
/// <c>GET /api/review/queue/export.csv</c>: the inbox's filter (shop, reason, age) as a CSV file (<see cref="CsvExport"/>),
/// longest waiting first as the list; a reviewer exports the orders of their shops only, as the inbox shows.
/// </summary>
internal static class ReviewExport
{
    private static readonly string[] Headers =
        ["订单号", "平台订单号", "店铺", "买家", "金额", "拦截原因", "等待开始 (UTC)", "已等待 (分钟)", "省", "市", "区", "地址", "买家留言", "卖家备注"];

    public static async Task<IResult> ExportAsync(
        HttpContext http, OrchestratorDbContext db, TimeProvider clock, long? shopId, string? reason, int? olderThanMinutes, CancellationToken ct)
    {
        if (ReviewFilter.Problem(reason, olderThanMinutes) is { } problem)
        {
            return problem;
        }

        var now = clock.GetUtcNow();
        var waiting = ReviewFilter.Waiting(db, http.User, shopId, reason).OlderThan(olderThanMinutes, now.UtcDateTime);
        var shops = await db.Shops.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return CsvExport.Stream("review", now, Headers, ReviewApi.Rows(db, waiting), ReviewApi.LongestWaitingFirst, r => r, r => [
            Csv.Number(r.OrderId), Csv.Text(r.PlatformOrderId), Csv.Text(shops.GetValueOrDefault(r.ShopId)), Csv.Text(r.BuyerNick), Csv.Money(r.Payment),
            Csv.Text(string.Join("; ", (r.BlockedReason ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))), Csv.Time(r.WaitingSince),
            Csv.Number((long)(now.UtcDateTime - r.WaitingSince).TotalMinutes), Csv.Text(r.ReceiverProvince), Csv.Text(r.ReceiverCity),
            Csv.Text(r.ReceiverDistrict), Csv.Text(r.ReceiverAddress), Csv.Text(r.BuyerMessage), Csv.Text(r.SellerMemo),
        ], ct);
    }
}
