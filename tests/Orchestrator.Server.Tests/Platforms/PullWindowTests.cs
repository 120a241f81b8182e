using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Platforms;

/// <summary>
/// What a real pull window holds: a tid twice (pages shift while trades change), a whole page twice, a trade intake cannot
/// take. Each order is stored once with its newest state, a bad trade is refused and recorded, and the pull moves on.
/// </summary>
public sealed class PullWindowTests(PlatformSqliteFixture server) : LifecycleTestBase(server), IClassFixture<PlatformSqliteFixture>
{
    private PlatformSimulatorHost Simulator => server.Simulator;

    [SkippableFact]
    public async Task A_window_returning_tids_twice_stores_each_order_once_with_its_newest_state_and_moves_the_cursor()
    {
        const string seller = "PULL-TWICE";
        var code = Unique("TWICE");
        var shop = await CreateConnectedShopAsync(seller, code);
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        await ScheduleAsync(shop, start);
        var (older, newer, newest) = (Time(-10), Time(-5), Time(-2));
        var trades = await Simulator.AddTradesAsync(
            Trade(seller, code, newer, "当前"), Trade(seller, code, newer, "当前"), Trade(seller, code, newer, "当前"), Trade(seller, code, newer, "当前"));
        var tids = trades.Select(t => t!["tid"]!.GetValue<long>()).ToArray();

        // Page 1 then also serves: an older copy of the first, a same-time copy of the second, a newer copy of the third.
        await Simulator.ShiftNextSearchAsync(seller, copies:
        [
            Copy(Trade(seller, code, older, "旧的"), tids[0]), Copy(Trade(seller, code, newer, "同时后到"), tids[1]), Copy(Trade(seller, code, newest, "最新"), tids[2]),
        ]);

        var run = await PullNowAsync(shop);

        Assert.Equal(("Succeeded", 4, 0), (run["outcome"]!.GetValue<string>(), run["ordersTaken"]!.GetValue<int>(), run["ordersRefused"]!.GetValue<int>()));
        Assert.Equal(4, await CountOrdersAsync(shop));
        Assert.Equal(["当前", "同时后到", "最新", "当前"], await MemosAsync(shop, tids));
        var state = run["state"]!;
        Assert.Null(state["lastError"]);
        Assert.Equal(PlatformSimulatorHost.PlatformTime(run["until"]!.GetValue<DateTimeOffset>().AddMinutes(-1)), PlatformSimulatorHost.PlatformTime(state["cursor"]!.GetValue<DateTimeOffset>()));
    }

    [SkippableFact]
    public async Task A_page_served_twice_stores_each_order_once_and_answers_the_repeats_as_duplicates_of_the_later_copies()
    {
        const string seller = "PULL-PAGE";
        var code = Unique("PAGE");
        var shop = await CreateConnectedShopAsync(seller, code);
        var trades = await Simulator.AddTradesAsync(Trade(seller, code, Time(-3), "一"), Trade(seller, code, Time(-3), "二"), Trade(seller, code, Time(-3), "三"));
        await Simulator.ShiftNextSearchAsync(seller, repeatPage: 1);

        var since = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-10).ToString("O", CultureInfo.InvariantCulture));
        var response = await Client.PostAsync($"/api/shops/{shop}/orders:pull?since={since}", null);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"pull: {response.StatusCode} {text}");
        var items = JsonNode.Parse(text)!["results"]!.AsArray();
        Assert.Equal(2, (await Simulator.PullsAsync(seller)).Count);
        Assert.Equal(["Duplicate", "Duplicate", "Duplicate", "Created", "Created", "Created"], items.Select(i => i!["outcome"]!.GetValue<string>()));
        Assert.Equal([3, 4, 5], items.Take(3).Select(i => i!["keptItem"]!.GetValue<int>()));
        Assert.Equal(items.Skip(3).Select(i => i!["orderId"]!.GetValue<long>()), items.Take(3).Select(i => i!["orderId"]!.GetValue<long>()));
        Assert.Equal(3, await CountOrdersAsync(shop));
        Assert.Equal(["一", "二", "三"], await MemosAsync(shop, trades.Select(t => t!["tid"]!.GetValue<long>()).ToArray()));
    }

    [SkippableFact]
    public async Task The_scheduled_pull_stores_the_others_records_a_trade_it_cannot_take_with_its_reason_and_moves_on()
    {
        const string seller = "PULL-BAD";
        var code = Unique("BAD");
        var shop = await CreateConnectedShopAsync(seller, code);
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        await ScheduleAsync(shop, start);
        var noQuantity = Trade(seller, code, Time(-4), "数量为零");
        noQuantity["orders"]!["order"]![0]!["num"] = 0;
        var longAddress = Trade(seller, code, Time(-4), "地址太长");
        longAddress["receiver_address"] = new string('路', 600);
        var trades = await Simulator.AddTradesAsync(Trade(seller, code, Time(-4), "好的"), noQuantity, longAddress, Trade(seller, code, Time(-4), "也好"));
        var tids = trades.Select(t => t!["tid"]!.GetValue<long>()).ToArray();

        var run = await PullNowAsync(shop);

        Assert.Equal(("Succeeded", 2, 2), (run["outcome"]!.GetValue<string>(), run["ordersTaken"]!.GetValue<int>(), run["ordersRefused"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/shops/{shop}/orders/{tids[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/shops/{shop}/orders/{tids[1]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/shops/{shop}/orders/{tids[2]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/shops/{shop}/orders/{tids[3]}")).StatusCode);
        var state = (await Client.GetFromJsonAsync<JsonObject>($"/api/shops/{shop}/pull", ServerFixture.Json))!;
        Assert.Null(state["lastError"]);
        Assert.Equal((0, 2, 2L), (state["consecutiveFailures"]!.GetValue<int>(), state["lastOrdersRefused"]!.GetValue<int>(), state["totalOrdersRefused"]!.GetValue<long>()));
        Assert.Equal(PlatformSimulatorHost.PlatformTime(run["until"]!.GetValue<DateTimeOffset>().AddMinutes(-1)), PlatformSimulatorHost.PlatformTime(state["cursor"]!.GetValue<DateTimeOffset>()));
        var refused = state["refused"]!.AsArray().ToDictionary(r => r!["platformOrderId"]!.GetValue<string>(), r => r!["reason"]!.GetValue<string>());
        Assert.StartsWith("lines[0].quantity:", refused[tids[1].ToString(CultureInfo.InvariantCulture)], StringComparison.Ordinal);
        Assert.StartsWith("receiver.address:", refused[tids[2].ToString(CultureInfo.InvariantCulture)], StringComparison.Ordinal);

        // The seller fixes one trade on the platform: the next cycle takes it and it is no longer listed as refused.
        noQuantity["orders"]!["order"]![0]!["num"] = 1;
        noQuantity["modified"] = Time(0);
        await Simulator.AddTradesAsync(Copy(noQuantity, tids[1]));

        var next = await PullNowAsync(shop);

        Assert.Equal(("Succeeded", 1, 0), (next["outcome"]!.GetValue<string>(), next["ordersTaken"]!.GetValue<int>(), next["ordersRefused"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/shops/{shop}/orders/{tids[1]}")).StatusCode);
        Assert.Equal([tids[2].ToString(CultureInfo.InvariantCulture)], next["state"]!["refused"]!.AsArray().Select(r => r!["platformOrderId"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Pulling_a_window_by_hand_answers_the_refused_trade_with_its_reason_and_stores_the_others()
    {
        const string seller = "PULL-BADNOW";
        var code = Unique("BADNOW");
        var shop = await CreateConnectedShopAsync(seller, code);
        var bad = Trade(seller, code, Time(-2), "坏的");
        bad["status"] = "NOT_A_TOP_STATUS";
        var trades = await Simulator.AddTradesAsync(Trade(seller, code, Time(-2), "好的"), bad);

        var since = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-10).ToString("O", CultureInfo.InvariantCulture));
        var response = await Client.PostAsync($"/api/shops/{shop}/orders:pull?since={since}", null);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"pull: {response.StatusCode} {text}");
        var body = JsonNode.Parse(text)!;
        Assert.Equal((1, 1), (body["counts"]!["Created"]!.GetValue<int>(), body["counts"]!["Refused"]!.GetValue<int>()));
        var refused = body["results"]!.AsArray().Single(i => i!["outcome"]!.GetValue<string>() == "Refused")!;
        Assert.Equal(trades[1]!["tid"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture), refused["platformOrderId"]!.GetValue<string>());
        Assert.StartsWith("status:", refused["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(refused["orderId"]);
        Assert.Equal(1, await CountOrdersAsync(shop));
        Assert.Single((await Client.GetFromJsonAsync<JsonObject>($"/api/shops/{shop}/pull", ServerFixture.Json))!["refused"]!.AsArray());
    }

    /// <summary>A platform time <paramref name="minutes"/> from now.</summary>
    private static string Time(int minutes) => PlatformSimulatorHost.PlatformTime(DateTimeOffset.UtcNow.AddMinutes(minutes));

    private static JsonObject Trade(string seller, string code, string modified, string memo)
    {
        var trade = PlatformSimulatorHost.Trade(seller, code);
        trade["modified"] = modified;
        trade["seller_memo"] = memo;
        return trade;
    }

    private static JsonObject Copy(JsonObject trade, long tid)
    {
        trade["tid"] = tid;
        return trade;
    }

    private async Task<List<string>> MemosAsync(long shop, long[] tids)
    {
        var memos = new List<string>();
        foreach (var tid in tids)
        {
            memos.Add((await Client.GetFromJsonAsync<JsonObject>($"/api/shops/{shop}/orders/{tid}", ServerFixture.Json))!["sellerMemo"]!.GetValue<string>());
        }

        return memos;
    }

    private async Task ScheduleAsync(long shop, DateTimeOffset cursor)
    {
        var response = await Client.PutAsJsonAsync($"/api/shops/{shop}/pull",
            new JsonObject { ["intervalMinutes"] = 0, ["cursor"] = cursor.ToString("O", CultureInfo.InvariantCulture) }, ServerFixture.Json);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonObject> PullNowAsync(long shop)
    {
        var response = await Client.PostAsync($"/api/shops/{shop}/orders:pull-now", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"pull-now: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
