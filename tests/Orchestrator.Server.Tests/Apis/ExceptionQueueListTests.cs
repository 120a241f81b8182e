using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Apis;
using Orchestrator.Server.Apis.Exceptions;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Apis;

/// <summary>The exception queue's tabs (open / resolved, by kind) and CSV export: the list's filter and a reviewer's shops only.</summary>
public abstract class ExceptionQueueListTests(ServerFixture server) : LifecycleTestBase(server)
{
    private static readonly string[] Kinds = ["AddressProblem", "RefundRequested", "OutOfStock", "UnmappedSku", "PlatformError", "NoWarehouse", "RuleMatched", "Other"];

    [SkippableFact]
    public async Task The_tabs_count_what_the_list_shows_open_and_resolved_by_kind()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var entries = new List<JsonObject>();
        foreach (var kind in new[] { "AddressProblem", "AddressProblem", "RefundRequested", "Other" })
        {
            entries.Add(await SetAsideAsync(await PickingOrderAsync(shop, code), kind, "待处理"));
        }

        await ResolveAsync(entries[0]);

        var counts = await CountsAsync(Client, shop);
        Assert.Equal((3, 1), (counts["open"]!.GetValue<int>(), counts["resolved"]!.GetValue<int>()));
        Assert.Equal(Kinds.Order(), counts["openKinds"]!.AsObject().Select(k => k.Key).Order());
        Assert.Equal((1, 1, 1, 0), (Kind(counts, "open", "AddressProblem"), Kind(counts, "open", "RefundRequested"), Kind(counts, "open", "Other"), Kind(counts, "open", "OutOfStock")));
        Assert.Equal((1, 0), (Kind(counts, "resolved", "AddressProblem"), Kind(counts, "resolved", "Other")));
        foreach (var state in new[] { "open", "resolved", "all" })
        {
            var expected = state == "all" ? 4 : counts[state]!.GetValue<int>();
            Assert.Equal(expected, await ListedAsync(Client, $"shopId={shop}&state={state}"));
            foreach (var kind in Kinds)
            {
                var tab = state == "all" ? Kind(counts, "open", kind) + Kind(counts, "resolved", kind) : Kind(counts, state, kind);
                Assert.True(tab == await ListedAsync(Client, $"shopId={shop}&state={state}&kind={kind}"), $"{state} {kind}: the tab says {tab}");
            }
        }
    }

    [SkippableFact]
    public async Task A_reviewer_counts_and_exports_only_the_entries_of_their_shops()
    {
        var code = Unique("TEA");
        var mine = await CreateReadyShopAsync(code);
        var other = await CreateReadyShopAsync();
        await AdjustStockAsync(await WarehouseOfAsync(other), 100, code);
        var ours = new[]
        {
            await SetAsideAsync(await PickingOrderAsync(mine, code), "AddressProblem", "我的店"),
            await SetAsideAsync(await PickingOrderAsync(mine, code), "Other", "我的店"),
        };
        var theirs = await SetAsideAsync(await PickingOrderAsync(other, code), "AddressProblem", "别的店");
        var (_, reviewer) = await SignedInAsAsync("Reviewer", shops: [mine]);
        using var _ = reviewer;

        var counts = await CountsAsync(reviewer, null);
        Assert.Equal((2, 1, 1), (counts["open"]!.GetValue<int>(), Kind(counts, "open", "AddressProblem"), Kind(counts, "open", "Other")));
        Assert.Equal(0, (await CountsAsync(reviewer, other))["open"]!.GetValue<int>());
        Assert.Equal(1, (await CountsAsync(Client, other))["open"]!.GetValue<int>());

        var exported = CsvFile.Column(await CsvFile.RowsAsync(reviewer, "/api/exceptions/export.csv"), "异常编号");
        Assert.Equal(ours.Select(e => Id(e)), exported);
        Assert.Single(await CsvFile.RowsAsync(reviewer, $"/api/exceptions/export.csv?shopId={other}"));
        Assert.Equal([Id(theirs)], CsvFile.Column(await CsvFile.RowsAsync(Client, $"/api/exceptions/export.csv?shopId={other}"), "异常编号"));
    }

    [SkippableFact]
    public async Task The_file_holds_the_filtered_entries_with_a_bom_chinese_headers_and_guarded_fields()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var formula = await SetAsideAsync(await PickingOrderAsync(shop, code), "AddressProblem", "=HYPERLINK(\"http://x\")");
        var quoted = await SetAsideAsync(await PickingOrderAsync(shop, code), "RefundRequested", "说\"好\",\n第二行");
        var done = await SetAsideAsync(await PickingOrderAsync(shop, code), "Other", "-1 件");
        await ResolveAsync(done);

        var text = await CsvFile.DownloadAsync(Client, $"/api/exceptions/export.csv?shopId={shop}", "exceptions");
        Assert.Contains("\"说\"\"好\"\",\n第二行\"", text, StringComparison.Ordinal);

        var rows = CsvFile.Parse(text);
        Assert.Equal(["异常编号", "订单号", "平台订单号", "店铺", "异常类型", "说明", "来源", "离开环节", "订单状态", "发起人", "发起时间 (UTC)", "解决时间 (UTC)", "处理人", "处理说明"], rows[0]);
        Assert.Equal([Id(formula), Id(quoted)], CsvFile.Column(rows, "异常编号"));
        Assert.Equal(["'=HYPERLINK(\"http://x\")", "说\"好\",\n第二行"], CsvFile.Column(rows, "说明"));
        Assert.Equal(["地址异常", "退款中"], CsvFile.Column(rows, "异常类型"));
        Assert.Equal(["人工转异常", "人工转异常"], CsvFile.Column(rows, "来源"));
        Assert.Equal(["异常", "异常"], CsvFile.Column(rows, "订单状态"));
        Assert.Equal([Text(formula, "platformOrderId"), Text(quoted, "platformOrderId")], CsvFile.Column(rows, "平台订单号"));
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", CsvFile.Column(rows, "发起时间 (UTC)")[0]);
        Assert.Equal(["", ""], CsvFile.Column(rows, "解决时间 (UTC)"));

        var resolved = await CsvFile.RowsAsync(Client, $"/api/exceptions/export.csv?shopId={shop}&state=resolved");
        Assert.Equal([Id(done)], CsvFile.Column(resolved, "异常编号"));
        Assert.Equal(["'-1 件"], CsvFile.Column(resolved, "说明"));
        Assert.Equal([SignIn.AdminName], CsvFile.Column(resolved, "处理人"));
        Assert.Equal([Id(quoted)], CsvFile.Column(await CsvFile.RowsAsync(Client, $"/api/exceptions/export.csv?shopId={shop}&kind=refundrequested"), "异常编号"));
        Assert.Equal(3, (await CsvFile.RowsAsync(Client, $"/api/exceptions/export.csv?shopId={shop}&state=all")).Count - 1);
    }

    [SkippableFact]
    public async Task The_export_reads_in_batches_without_losing_or_repeating_an_entry_at_their_edges()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(Id(await SetAsideAsync(await PickingOrderAsync(shop, code), "Other", $"第 {i} 件")));
        }

        // All raised at the same instant, so the batches' edges fall inside a tie that only the entry id breaks.
        var raisedAt = DateTime.UtcNow.AddMinutes(-5);
        await Server.WithDbAsync(db => db.ExceptionQueue.Where(e => e.ShopId == shop).ExecuteUpdateAsync(set => set.SetProperty(e => e.RaisedAt, raisedAt)));

        var text = await Server.WithDbAsync(async db =>
        {
            using var stream = new MemoryStream();
            var entries = db.ExceptionQueue.AsNoTracking().Where(e => e.ShopId == shop);
            await CsvExport.WriteAsync(stream, ["异常编号"], ExceptionsApi.Rows(db, entries), ExceptionsApi.OldestFirst, r => r.Entry.Id,
                id => [id.ToString(CultureInfo.InvariantCulture)], batch: 2, CancellationToken.None);
            return Encoding.UTF8.GetString(stream.ToArray()[3..]);
        });

        Assert.Equal(ids, CsvFile.Column(CsvFile.Parse(text), "异常编号"));
    }

    [SkippableTheory]
    [InlineData("state=later", "state")]
    [InlineData("kind=Lost", "kind")]
    [InlineData("kind=None", "kind")]
    [InlineData("kind=3", "kind")]
    public async Task A_bad_filter_is_a_problem_naming_the_field(string query, string field)
    {
        AssertNamesField(await ProblemAsync(await Client.GetAsync("/api/exceptions/export.csv?" + query), HttpStatusCode.BadRequest), field);
        AssertNamesField(await ProblemAsync(await Client.GetAsync("/api/exceptions?" + query), HttpStatusCode.BadRequest), field);
    }

    private static string Id(JsonObject entry) => entry["id"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture);

    private static string Text(JsonObject node, string field) => node[field]!.GetValue<string>();

    private static int Kind(JsonObject counts, string state, string kind) => counts[state + "Kinds"]![kind]!.GetValue<int>();

    private static async Task<JsonObject> CountsAsync(HttpClient client, long? shop) =>
        (await client.GetFromJsonAsync<JsonObject>(shop is { } id ? $"/api/exceptions/counts?shopId={id}" : "/api/exceptions/counts", ServerFixture.Json))!;

    private static async Task<int> ListedAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/exceptions?pageSize=200&{query}", ServerFixture.Json))!["items"]!.AsArray().Count;

    private async Task<long> PickingOrderAsync(long shop, string code)
    {
        var orderId = await PushPaidOrderAsync(shop, code);
        await WaitForAsync(orderId, bookmark: "PickConfirmed");
        return orderId;
    }

    private async Task<JsonObject> SetAsideAsync(long orderId, string kind, string detail)
    {
        var response = await Client.PostAsJsonAsync($"/api/orders/{orderId}/exceptions", new JsonObject { ["kind"] = kind, ["detail"] = detail }, ServerFixture.Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"set aside: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task ResolveAsync(JsonObject entry)
    {
        var response = await Client.PostAsJsonAsync($"/api/exceptions/{Id(entry)}:resolve", new JsonObject { ["note"] = "已处理" }, ServerFixture.Json);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"resolve: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

public sealed class SqliteExceptionQueueListTests(LifecycleSqliteFixture server) : ExceptionQueueListTests(server), IClassFixture<LifecycleSqliteFixture>;

public sealed class PostgreSqlExceptionQueueListTests(LifecyclePostgreSqlFixture server) : ExceptionQueueListTests(server), IClassFixture<LifecyclePostgreSqlFixture>;
