using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Apis;

/// <summary>The orders list's CSV export: the list's filters, Excel-ready text (BOM, RFC 4180), and a reviewer's shops only.</summary>
public abstract class OrderExportTests(ServerFixture server) : LifecycleTestBase(server)
{
    [SkippableFact]
    public async Task The_file_holds_the_filtered_orders_with_a_bom_chinese_headers_and_quoted_fields()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var tricky = PaidOrder(Unique("TB"), (code, 2));
        tricky["buyerNick"] = "=HYPERLINK(\"http://x\")";
        tricky["buyerMessage"] = "说\"好\",\n第二行";
        tricky["receiver"]!["address"] = "文三路90号, 3单元";
        var plain = (await PushAsync(shop, tricky, HttpStatusCode.Created)).Order.Id;
        var unmapped = await PushPaidOrderAsync(shop, Unique("NOWHERE"));

        var text = await CsvFile.DownloadAsync(Client, $"/api/orders/export.csv?shopId={shop}", "orders");
        Assert.Contains("\"说\"\"好\"\",\n第二行\"", text, StringComparison.Ordinal);

        var rows = CsvFile.Parse(text);
        Assert.Equal(["订单号", "平台订单号", "店铺", "状态", "异常类型", "买家", "收货人", "手机", "省", "市", "区", "地址"], rows[0][..12]);
        Assert.Contains("快递单号", rows[0]);
        var column = rows[0].Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);
        Assert.Equal([Text(unmapped), Text(plain)], rows[1..].Select(r => r[0]));
        var first = rows[2];
        Assert.Equal("说\"好\",\n第二行", first[column["买家留言"]]);
        Assert.Equal("文三路90号, 3单元", first[column["地址"]]);
        Assert.Equal("'=HYPERLINK(\"http://x\")", first[column["买家"]]);
        Assert.Equal("180.00", first[column["金额"]]);
        Assert.Equal("2026-11-10 16:01:02", first[column["付款时间 (UTC)"]]);
        Assert.Contains($"({code}) ×2", first[column["商品"]], StringComparison.Ordinal);
        Assert.Equal("异常", rows[1][column["状态"]]);
        Assert.Equal("商品未匹配", rows[1][column["异常类型"]]);

        var exceptions = CsvFile.Parse(await CsvFile.TextAsync(Client, $"/api/orders/export.csv?shopId={shop}&status=Exception&exceptionKind=UnmappedSku"));
        Assert.Equal([Text(unmapped)], exceptions[1..].Select(r => r[0]));
        var searched = CsvFile.Parse(await CsvFile.TextAsync(Client, $"/api/orders/export.csv?shopId={shop}&q={Uri.EscapeDataString(tricky["platformOrderId"]!.GetValue<string>())}"));
        Assert.Equal([Text(plain)], searched[1..].Select(r => r[0]));
    }

    [SkippableFact]
    public async Task A_reviewer_exports_only_the_orders_of_their_shops()
    {
        var code = Unique("TEA");
        var mine = await CreateReadyShopAsync(code);
        var other = await CreateReadyShopAsync();
        await AdjustStockAsync(await WarehouseOfAsync(other), 100, code);
        var ours = new[] { await PushPaidOrderAsync(mine, code), await PushPaidOrderAsync(mine, code) };
        var theirs = await PushPaidOrderAsync(other, code);
        var (_, reviewer) = await SignedInAsAsync("Reviewer", shops: [mine]);
        using var _ = reviewer;

        var all = CsvFile.Parse(await CsvFile.TextAsync(reviewer, "/api/orders/export.csv"))[1..].Select(r => long.Parse(r[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ours.OrderDescending(), all);
        Assert.Single(CsvFile.Parse(await CsvFile.TextAsync(reviewer, $"/api/orders/export.csv?shopId={other}")));
        Assert.Contains(Text(theirs), await CsvFile.TextAsync(Client, $"/api/orders/export.csv?shopId={other}"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_reviewer_lists_counts_and_reads_orders_and_their_journeys_only_of_their_shops()
    {
        var code = Unique("TEA");
        var mine = await CreateReadyShopAsync(code);
        var other = await CreateReadyShopAsync();
        await AdjustStockAsync(await WarehouseOfAsync(other), 100, code);
        var ours = await PushPaidOrderAsync(mine, code);
        var theirs = await PushPaidOrderAsync(other, code);
        var (_, reviewer) = await SignedInAsAsync("Reviewer", shops: [mine]);
        using var _ = reviewer;

        var listed = (await reviewer.GetFromJsonAsync<JsonObject>("/api/orders?pageSize=200", ServerFixture.Json))!["items"]!.AsArray()
            .Select(o => o!["id"]!.GetValue<long>()).ToList();
        Assert.Contains(ours, listed);
        Assert.DoesNotContain(theirs, listed);
        Assert.Empty((await reviewer.GetFromJsonAsync<JsonObject>($"/api/orders?shopId={other}", ServerFixture.Json))!["items"]!.AsArray());
        Assert.Equal(0, (await reviewer.GetFromJsonAsync<JsonObject>($"/api/orders/counts?shopId={other}", ServerFixture.Json))!["total"]!.GetValue<int>());
        Assert.Equal(1, (await reviewer.GetFromJsonAsync<JsonObject>($"/api/orders/counts?shopId={mine}", ServerFixture.Json))!["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/api/orders/{ours}")).StatusCode);
        await ProblemAsync(await reviewer.GetAsync($"/api/orders/{theirs}"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync($"/api/orders/{ours}/workflow")).StatusCode);
        await ProblemAsync(await reviewer.GetAsync($"/api/orders/{theirs}/workflow"), HttpStatusCode.Forbidden);
        var instances = (await reviewer.GetFromJsonAsync<JsonObject>("/api/workflow-instances?pageSize=200", ServerFixture.Json))!["items"]!.AsArray();
        Assert.Contains(instances, i => i!["orderId"]?.GetValue<long>() == ours);
        Assert.DoesNotContain(instances, i => i!["orderId"]?.GetValue<long>() == theirs);
        var theirInstance = (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{theirs}/workflow", ServerFixture.Json))!["instance"]!["id"]!.GetValue<string>();
        await ProblemAsync(await reviewer.GetAsync($"/api/workflow-instances/{theirInstance}"), HttpStatusCode.Forbidden);

        // An ops lead reads every shop's.
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/orders/{theirs}")).StatusCode);
    }

    [SkippableTheory]
    [InlineData("status=Nope", "status")]
    [InlineData("status=Picking&status=7", "status")]
    [InlineData("exceptionKind=Lost", "exceptionKind")]
    [InlineData("q=%E5%BC%A0%0A%E4%B8%89", "q")]
    public async Task A_bad_filter_is_a_problem_naming_the_field(string query, string field) =>
        AssertNamesField(await ProblemAsync(await Client.GetAsync("/api/orders/export.csv?" + query), HttpStatusCode.BadRequest), field);

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}

public sealed class SqliteOrderExportTests(LifecycleSqliteFixture server) : OrderExportTests(server), IClassFixture<LifecycleSqliteFixture>;

public sealed class PostgreSqlOrderExportTests(LifecyclePostgreSqlFixture server) : OrderExportTests(server), IClassFixture<LifecyclePostgreSqlFixture>;
