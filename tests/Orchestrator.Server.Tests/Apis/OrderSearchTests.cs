using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Apis;

/// <summary>
/// The orders list as ops people search it (mobile, buyer, receiver, part of the order id, tracking number) and its
/// status tabs' counts, on the keyset-paged list.
/// </summary>
public abstract class OrderSearchTests(ServerFixture server) : LifecycleTestBase(server)
{
    [SkippableFact]
    public async Task An_order_is_found_by_mobile_buyer_receiver_its_id_or_digits_of_it_and_tracking_number()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var wanted = await PushDistinctOrderAsync(shop, code);
        var other = await PushDistinctOrderAsync(shop, code);
        await WaitForAsync(wanted.Id, bookmark: "PickConfirmed");
        var tracking = await TrackingNumberAsync(wanted.Id);
        Assert.NotNull(tracking);

        var mobile = $"+86 {wanted.Mobile[..3]} {wanted.Mobile[3..7]} {wanted.Mobile[7..]}";
        foreach (var q in new[] { mobile, wanted.Mobile, wanted.Buyer, wanted.Receiver, wanted.PlatformOrderId, wanted.PlatformOrderId[3..], tracking })
        {
            Assert.Equal([wanted.Id], await FoundAsync($"/api/orders?shopId={shop}&q={Uri.EscapeDataString(q)}"));
        }

        Assert.Equal([other.Id], await FoundAsync($"/api/orders?shopId={shop}&q={Uri.EscapeDataString(other.Buyer)}"));
        Assert.Empty(await FoundAsync($"/api/orders?shopId={shop}&q=13000000000"));
    }

    [SkippableFact]
    public async Task A_search_walks_by_cursor_like_the_whole_list()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var buyer = Unique("熟客");
        var pushed = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            pushed.Add((await PushDistinctOrderAsync(shop, code, buyer)).Id);
        }

        await PushDistinctOrderAsync(shop, code);
        var first = await ReadAsync($"/api/orders?shopId={shop}&q={Uri.EscapeDataString(buyer)}&pageSize=2");
        Assert.Equal(3, first["total"]!.GetValue<int>());
        var cursor = first["nextCursor"]!.GetValue<string>();
        var second = await ReadAsync($"/api/orders?shopId={shop}&q={Uri.EscapeDataString(buyer)}&pageSize=2&cursor={Uri.EscapeDataString(cursor)}");
        Assert.Null(second["nextCursor"]);

        var walked = Ids(first).Concat(Ids(second)).ToList();
        Assert.Equal(pushed.OrderDescending(), walked);
    }

    [SkippableFact]
    public async Task Counts_per_status_match_the_tabs_lists_and_narrow_with_the_search()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var picking = await PushDistinctOrderAsync(shop, code);
        var unmapped = await PushDistinctOrderAsync(shop, Unique("NOWHERE"));
        var noStock = Unique("EMPTY");
        await CreateGoodsAsync(noStock);
        var outOfStock = await PushDistinctOrderAsync(shop, noStock);
        var blocked = await BlockedOrderAsync(shop, Unique("CHECK"));
        await WaitForAsync(picking.Id, bookmark: "PickConfirmed");
        await WaitForAsync(outOfStock.Id, status: "Suspended");

        var counts = await CountsAsync($"/api/orders/counts?shopId={shop}", c => c["outOfStock"]!.GetValue<int>() == 1);
        Assert.Equal(4, counts["total"]!.GetValue<int>());
        var statuses = counts["statuses"]!.AsObject();
        Assert.Equal(9, statuses.Count);
        Assert.Equal((1, 2, 1, 0), (Count(statuses, "Picking"), Count(statuses, "Exception"), Count(statuses, "Blocked"), Count(statuses, "Shipped")));

        Assert.Equal([outOfStock.Id], await FoundAsync($"/api/orders?shopId={shop}&status=Exception&exceptionKind=OutOfStock"));
        Assert.Equal(new[] { outOfStock.Id, unmapped.Id }, await FoundAsync($"/api/orders?shopId={shop}&status=Exception"));
        Assert.Equal([blocked], await FoundAsync($"/api/orders?shopId={shop}&status=PendingReview&status=Blocked"));

        var searched = await ReadAsync($"/api/orders/counts?shopId={shop}&q={unmapped.Mobile}");
        Assert.Equal((1, 1, 0), (searched["total"]!.GetValue<int>(), Count(searched["statuses"]!.AsObject(), "Exception"), searched["outOfStock"]!.GetValue<int>()));
    }

    [SkippableTheory]
    [InlineData("/api/orders?q=")]
    [InlineData("/api/orders/counts?q=")]
    public async Task A_search_too_long_or_with_control_characters_is_a_problem_naming_q(string path)
    {
        foreach (var q in new[] { new string('1', 65), "TB\u0000123", "张\n三" })
        {
            AssertNamesField(await ProblemAsync(await Client.GetAsync(path + Uri.EscapeDataString(q)), HttpStatusCode.BadRequest), "q");
        }
    }

    private sealed record Pushed(long Id, string PlatformOrderId, string Buyer, string Receiver, string Mobile);

    /// <summary>A paid order whose id, buyer, receiver and mobile no other order shares (unless <paramref name="buyer"/> is given).</summary>
    private async Task<Pushed> PushDistinctOrderAsync(long shop, string merchantCode, string? buyer = null)
    {
        var digits = Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var order = PaidOrder("TB" + digits, (merchantCode, 1));
        var mobile = "139" + digits[..8];
        var receiver = Unique("收件人");
        buyer ??= Unique("茶友");
        order["buyerNick"] = buyer;
        order["receiver"]!["name"] = receiver;
        order["receiver"]!["mobile"] = mobile;
        var pushed = await PushAsync(shop, order, HttpStatusCode.Created);
        return new Pushed(pushed.Order.Id, "TB" + digits, buyer, receiver, mobile);
    }

    private async Task<List<long>> FoundAsync(string path) => Ids(await ReadAsync(path));

    private async Task<JsonObject> ReadAsync(string path)
    {
        var response = await Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The counts once <paramref name="settled"/> holds (the lifecycle moves orders on after intake answers).</summary>
    private async Task<JsonObject> CountsAsync(string path, Func<JsonObject, bool> settled)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var counts = await ReadAsync(path);
        while (!settled(counts) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            counts = await ReadAsync(path);
        }

        return counts;
    }

    private static List<long> Ids(JsonObject page) => [.. page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>())];

    private static int Count(JsonObject statuses, string status) => statuses[status]!.GetValue<int>();
}

public sealed class SqliteOrderSearchTests(LifecycleSqliteFixture server) : OrderSearchTests(server), IClassFixture<LifecycleSqliteFixture>;

public sealed class PostgreSqlOrderSearchTests(LifecyclePostgreSqlFixture server) : OrderSearchTests(server), IClassFixture<LifecyclePostgreSqlFixture>;
