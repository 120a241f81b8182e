using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Apis;

/// <summary>The review inbox's tabs (how long orders wait) and CSV export: the list's filter and a reviewer's shops only.</summary>
public abstract class ReviewQueueListTests(ServerFixture server) : LifecycleTestBase(server)
{
    private static readonly int[] Ages = [30, 120, 1440];

    [SkippableFact]
    public async Task The_age_tabs_count_what_the_list_shows_for_the_same_shop_and_reason()
    {
        var shop = await CreateReadyShopAsync();
        var code = Unique("REVIEW");
        await BlockedOrderAsync(shop, code);
        var hours = await BlockedOrderAsync(shop, Unique("REVIEW"));
        var days = await BlockedOrderAsync(shop, Unique("REVIEW"));
        await WaitingSinceAsync(hours, TimeSpan.FromHours(3));
        await WaitingSinceAsync(days, TimeSpan.FromDays(2));

        var counts = await CountsAsync(Client, $"shopId={shop}");

        Assert.Equal((3, 2, 2, 1), (counts["total"]!.GetValue<int>(), OlderThan(counts, 30), OlderThan(counts, 120), OlderThan(counts, 1440)));
        Assert.Equal(3, await ListedAsync(Client, $"shopId={shop}"));
        foreach (var age in Ages)
        {
            Assert.True(OlderThan(counts, age) == await ListedAsync(Client, $"shopId={shop}&olderThanMinutes={age}"), $"older than {age}: the tab says {OlderThan(counts, age)}");
        }

        var reasoned = await CountsAsync(Client, $"shopId={shop}&reason={code}");
        Assert.Equal((1, 0), (reasoned["total"]!.GetValue<int>(), OlderThan(reasoned, 30)));
        Assert.Equal(1, await ListedAsync(Client, $"shopId={shop}&reason={code}"));
    }

    [SkippableFact]
    public async Task A_reviewer_counts_and_exports_only_the_orders_of_their_shops()
    {
        var mine = await CreateReadyShopAsync();
        var other = await CreateReadyShopAsync();
        var ours = new[] { await BlockedOrderAsync(mine, Unique("REVIEW")), await BlockedOrderAsync(mine, Unique("REVIEW")) };
        var theirs = await BlockedOrderAsync(other, Unique("REVIEW"));
        await WaitingSinceAsync(ours[1], TimeSpan.FromHours(1));
        var (_, reviewer) = await SignedInAsAsync("Reviewer", shops: [mine]);
        using var _ = reviewer;

        var counts = await CountsAsync(reviewer, "");
        Assert.Equal((2, 1), (counts["total"]!.GetValue<int>(), OlderThan(counts, 30)));
        Assert.Equal(0, (await CountsAsync(reviewer, $"shopId={other}"))["total"]!.GetValue<int>());
        Assert.Equal(1, (await CountsAsync(Client, $"shopId={other}"))["total"]!.GetValue<int>());

        // Longest waiting first, as the inbox.
        Assert.Equal([Text(ours[1]), Text(ours[0])], CsvFile.Column(await CsvFile.RowsAsync(reviewer, "/api/review/queue/export.csv"), "订单号"));
        Assert.Single(await CsvFile.RowsAsync(reviewer, $"/api/review/queue/export.csv?shopId={other}"));
        Assert.Equal([Text(theirs)], CsvFile.Column(await CsvFile.RowsAsync(Client, $"/api/review/queue/export.csv?shopId={other}"), "订单号"));
    }

    [SkippableFact]
    public async Task The_file_holds_the_filtered_orders_with_a_bom_chinese_headers_and_guarded_fields()
    {
        var shop = await CreateReadyShopAsync();
        var code = Unique("REVIEW");
        await CreateGoodsAsync(code);
        await AdjustStockAsync(await WarehouseOfAsync(shop), 100, code);
        await AddRuleAsync(shop, RuleJson.Rule("formula", "merchantCodes", "contains", code, reason: "核对 " + code, name: "=1+1"));
        var order = PaidOrder(Unique("TB"), (code, 1));
        order["buyerNick"] = "@SUM(1)";
        order["buyerMessage"] = "说\"好\",\n第二行";
        var tricky = (await PushAsync(shop, order, HttpStatusCode.Created)).Order.Id;
        await WaitForAsync(tricky, bookmark: "Review");
        var old = await BlockedOrderAsync(shop, Unique("REVIEW"));
        await WaitingSinceAsync(old, TimeSpan.FromHours(3));

        var text = await CsvFile.DownloadAsync(Client, $"/api/review/queue/export.csv?shopId={shop}", "review");
        Assert.Contains("\"说\"\"好\"\",\n第二行\"", text, StringComparison.Ordinal);

        var rows = CsvFile.Parse(text);
        Assert.Equal(["订单号", "平台订单号", "店铺", "买家", "金额", "拦截原因", "等待开始 (UTC)", "已等待 (分钟)", "省", "市", "区", "地址", "买家留言", "卖家备注"], rows[0]);
        Assert.Equal([Text(old), Text(tricky)], CsvFile.Column(rows, "订单号"));
        Assert.Equal("'@SUM(1)", CsvFile.Column(rows, "买家")[1]);
        Assert.Equal("'=1+1: 核对 " + code, CsvFile.Column(rows, "拦截原因")[1]);
        Assert.Equal("说\"好\",\n第二行", CsvFile.Column(rows, "买家留言")[1]);
        Assert.Equal(["180.00", "180.00"], CsvFile.Column(rows, "金额"));
        Assert.Equal("180", CsvFile.Column(rows, "已等待 (分钟)")[0]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", CsvFile.Column(rows, "等待开始 (UTC)")[0]);

        Assert.Equal([Text(old)], CsvFile.Column(await CsvFile.RowsAsync(Client, $"/api/review/queue/export.csv?shopId={shop}&olderThanMinutes=120"), "订单号"));
        Assert.Equal([Text(tricky)], CsvFile.Column(await CsvFile.RowsAsync(Client, $"/api/review/queue/export.csv?shopId={shop}&reason=%3D1%2B1"), "订单号"));
    }

    [SkippableTheory]
    [InlineData("olderThanMinutes=-1", "olderThanMinutes")]
    [InlineData("olderThanMinutes=2147483647", "olderThanMinutes")]
    [InlineData("reason=%E5%BC%A0%0A%E4%B8%89", "reason")]
    public async Task A_bad_filter_is_a_problem_naming_the_field(string query, string field)
    {
        AssertNamesField(await ProblemAsync(await Client.GetAsync("/api/review/queue/export.csv?" + query), HttpStatusCode.BadRequest), field);
        AssertNamesField(await ProblemAsync(await Client.GetAsync("/api/review/queue?" + query), HttpStatusCode.BadRequest), field);
    }

    [SkippableFact]
    public async Task A_reason_past_its_length_is_a_problem_for_the_counts_too() =>
        AssertNamesField(await ProblemAsync(await Client.GetAsync("/api/review/queue/counts?reason=" + new string('长', 201)), HttpStatusCode.BadRequest), "reason");

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static int OlderThan(JsonObject counts, int minutes) => counts["olderThanMinutes"]![minutes.ToString(CultureInfo.InvariantCulture)]!.GetValue<int>();

    private static async Task<JsonObject> CountsAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/review/queue/counts?{query}", ServerFixture.Json))!;

    private static async Task<int> ListedAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/review/queue?pageSize=200&{query}", ServerFixture.Json))!["items"]!.AsArray().Count;

    /// <summary>Makes the order look as if it had waited <paramref name="age"/> for a reviewer (the inbox's age is its instance's last change).</summary>
    private Task<int> WaitingSinceAsync(long orderId, TimeSpan age)
    {
        var since = DateTime.UtcNow - age;
        return Server.WithDbAsync(db => db.WorkflowInstances.Where(i => i.SalesOrderId == orderId).ExecuteUpdateAsync(set => set.SetProperty(i => i.UpdatedAt, since)));
    }
}

public sealed class SqliteReviewQueueListTests(LifecycleSqliteFixture server) : ReviewQueueListTests(server), IClassFixture<LifecycleSqliteFixture>;

public sealed class PostgreSqlReviewQueueListTests(LifecyclePostgreSqlFixture server) : ReviewQueueListTests(server), IClassFixture<LifecyclePostgreSqlFixture>;
