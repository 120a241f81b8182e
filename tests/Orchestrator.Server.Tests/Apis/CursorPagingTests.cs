using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Apis;

/// <summary>
/// The deep lists (orders, instances, the review and exception queues) walk by cursor: every row once, in the list's
/// order, while new rows arrive; the total only when asked; page numbers as before.
/// </summary>
public abstract class CursorPagingTests(ServerFixture server) : LifecycleTestBase(server)
{
    private const int Orders = 12;
    private const int PageSize = 5;

    [SkippableFact]
    public async Task Walking_orders_by_cursor_returns_each_once_newest_first_while_orders_keep_arriving()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        await PushOrdersAsync(shop, Orders, code);
        var path = $"/api/orders?shopId={shop}";
        var before = await SettledAsync(path, "id", Orders);

        var walked = await WalkAsync(path, "id", between: () => PushOrdersAsync(shop, 2, code));

        // newer orders sort before the cursor, so the walk is exactly the orders there were when it started
        Assert.Equal(before, walked);
        Assert.Equal(before.OrderByDescending(id => long.Parse(id, System.Globalization.CultureInfo.InvariantCulture)), before);
    }

    [SkippableFact]
    public async Task Walking_the_floor_backlog_at_picking_by_cursor_returns_each_instance_once_while_orders_keep_arriving()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        await PushOrdersAsync(shop, Orders, code);
        var path = $"/api/workflow-instances?shopId={shop}&waitingFor=PickConfirmed";
        var before = await SettledAsync(path, "id", Orders);

        var walked = await WalkAsync(path, "id", between: () => PushOrdersAsync(shop, 2, code));

        Assert.Equal(before, walked);
    }

    [SkippableFact]
    public async Task Walking_the_review_inbox_by_cursor_returns_each_order_once_longest_waiting_first_and_newcomers_at_the_end()
    {
        var code = Unique("REVIEW");
        var shop = await CreateReadyShopAsync(code);
        await AddRuleAsync(shop, RuleJson.Rule("check", "merchantCodes", "contains", code, reason: "核对商品"));
        await PushOrdersAsync(shop, Orders, code);
        var path = $"/api/review/queue?shopId={shop}";
        var before = await SettledAsync(path, "orderId", Orders);

        var walked = await WalkAsync(path, "orderId", between: () => PushOrdersAsync(shop, 2, code));

        Assert.Equal(before, walked.Take(Orders));
        Assert.Equal(walked.Count, walked.Distinct().Count());
    }

    [SkippableFact]
    public async Task Walking_the_exception_queue_by_cursor_returns_each_entry_once_oldest_first_and_newcomers_at_the_end()
    {
        var shop = await CreateReadyShopAsync();
        var unmapped = Unique("NOWHERE");
        await PushOrdersAsync(shop, Orders, unmapped);
        var path = $"/api/exceptions?shopId={shop}&kind=UnmappedSku";
        var before = await SettledAsync(path, "id", Orders);

        var walked = await WalkAsync(path, "id", between: () => PushOrdersAsync(shop, 2, unmapped));

        Assert.Equal(before, walked.Take(Orders));
        Assert.Equal(walked.Count, walked.Distinct().Count());
    }

    [SkippableFact]
    public async Task The_total_is_counted_on_a_cursor_page_only_when_asked_and_page_numbers_work_as_before()
    {
        var shop = await CreateReadyShopAsync();
        await PushOrdersAsync(shop, 7, Unique("ANY"));
        var path = $"/api/orders?shopId={shop}&pageSize=3";

        var first = await GetPageAsync(path);
        Assert.Equal((1, 3, 7), (Int(first, "pageNumber"), Int(first, "pageSize"), Int(first, "total")));
        var cursor = first["nextCursor"]!.GetValue<string>();
        var uncounted = await GetPageAsync(path + "&includeTotal=false");
        Assert.Null(uncounted["total"]);
        Assert.Equal(Ids(first, "id"), Ids(uncounted, "id"));
        Assert.Equal(cursor, uncounted["nextCursor"]!.GetValue<string>());

        var second = await GetPageAsync($"{path}&cursor={Uri.EscapeDataString(cursor)}");
        Assert.Null(second["total"]);
        Assert.Equal(2, Int(second, "pageNumber"));
        Assert.Equal(7, Int(await GetPageAsync($"{path}&cursor={Uri.EscapeDataString(cursor)}&includeTotal=true"), "total"));

        var byNumber = await GetPageAsync(path + "&page=2");
        Assert.Equal((2, 7), (Int(byNumber, "pageNumber"), Int(byNumber, "total")));
        Assert.Equal(Ids(second, "id"), Ids(byNumber, "id"));

        var last = await GetPageAsync(path + "&page=3");
        Assert.Single(last["items"]!.AsArray());
        Assert.Null(last["nextCursor"]);
        Assert.Empty((await GetPageAsync(path + "&page=4"))["items"]!.AsArray());
    }

    [SkippableFact]
    public async Task A_cursor_that_is_not_this_lists_is_a_problem_naming_cursor()
    {
        var shop = await CreateReadyShopAsync();
        await PushOrdersAsync(shop, 3, Unique("ANY"));
        var ordersCursor = (await GetPageAsync($"/api/orders?shopId={shop}&pageSize=1"))["nextCursor"]!.GetValue<string>();
        string Encoded(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

        foreach (var path in new[]
        {
            "/api/orders?cursor=not%20a%20cursor",
            "/api/orders?cursor=" + Encoded("orders|2|12x"),
            "/api/orders?cursor=" + Encoded("orders|0|12"),
            "/api/workflow-instances?cursor=" + ordersCursor,
            "/api/workflow-instances?cursor=" + Encoded("instances|2|638000000000000000|not-a-guid"),
            "/api/review/queue?cursor=" + ordersCursor,
            "/api/exceptions?cursor=" + ordersCursor,
            $"/api/orders?page=2&cursor={ordersCursor}",
        })
        {
            AssertNamesField(await ProblemAsync(await Client.GetAsync(path), HttpStatusCode.BadRequest), "cursor");
        }
    }

    private async Task PushOrdersAsync(long shop, int count, string merchantCode)
    {
        var batch = new JsonObject { ["orders"] = new JsonArray([.. Enumerable.Range(0, count).Select(_ => (JsonNode)PaidOrder(Unique("TB"), (merchantCode, 1)))]) };
        var response = await Client.PostAsJsonAsync($"/api/shops/{shop}/orders:batch", batch, ServerFixture.Json);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Waits until the list has <paramref name="expected"/> rows, then answers their keys in the list's order (one page by number).</summary>
    private async Task<List<string>> SettledAsync(string path, string key, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonObject page;
        do
        {
            page = await GetPageAsync($"{path}&pageSize=200");
            if (Int(page, "total") == expected)
            {
                return Ids(page, key);
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"{path} has {Int(page, "total")} rows, not {expected}.");
    }

    /// <summary>Every page by cursor, from a first page without a count; <paramref name="between"/> runs before each next page.</summary>
    private async Task<List<string>> WalkAsync(string path, string key, Func<Task> between)
    {
        var keys = new List<string>();
        var page = await GetPageAsync($"{path}&pageSize={PageSize}&includeTotal=false");
        for (var number = 1; ; number++)
        {
            Assert.Null(page["total"]);
            Assert.Equal(number, Int(page, "pageNumber"));
            keys.AddRange(Ids(page, key));
            if (page["nextCursor"]?.GetValue<string>() is not { } cursor)
            {
                return keys;
            }

            Assert.Equal(PageSize, page["items"]!.AsArray().Count);
            await between();
            page = await GetPageAsync($"{path}&pageSize={PageSize}&cursor={Uri.EscapeDataString(cursor)}");
        }
    }

    private async Task<JsonObject> GetPageAsync(string path)
    {
        var response = await Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static List<string> Ids(JsonObject page, string key) => [.. page["items"]!.AsArray().Select(i => i![key]!.ToString())];

    private static int Int(JsonObject page, string name) => page[name]!.GetValue<int>();
}

public sealed class SqliteCursorPagingTests(LifecycleSqliteFixture server) : CursorPagingTests(server), IClassFixture<LifecycleSqliteFixture>;

public sealed class PostgreSqlCursorPagingTests(LifecyclePostgreSqlFixture server) : CursorPagingTests(server), IClassFixture<LifecyclePostgreSqlFixture>;
