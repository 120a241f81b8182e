using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.BadInput;

/// <summary>Platforms repeat pushes and deliver them out of order: one trade is one order, and the newest <c>modified</c> wins, on each real database.</summary>
public abstract class DuplicatePushTests(ServerFixture server) : BadInputTestBase(server)
{
    private const int Pushes = 20;

    [SkippableFact]
    public async Task The_same_new_trade_pushed_20_times_at_once_is_one_order()
    {
        var shop = await CreateShopAsync();
        var order = PaidOrder(Unique("tid"), ("ANY", 1));

        var responses = await Task.WhenAll(Enumerable.Range(0, Pushes).Select(_ => PostOrderAsync(shop.Id, order.DeepClone())));

        var failures = responses.Where(r => r.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK)).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", await Task.WhenAll(failures.Select(f => f.Content.ReadAsStringAsync()))));
        var outcomes = await Task.WhenAll(responses.Select(ServerFixture.ReadAsync<Orchestrator.Server.Apis.Orders.IntakeResponse>));
        Assert.Single(outcomes, o => o.Outcome.ToString() == "Created");
        Assert.All(outcomes.Where(o => o.Outcome.ToString() != "Created"), o => Assert.Equal("Unchanged", o.Outcome.ToString()));
        Assert.Single(outcomes.Select(o => o.Order.Id).Distinct());
        Assert.Equal(1, await CountOrdersAsync(shop.Id));
        Assert.Equal(1, await Server.WithDbAsync(db => db.SalesOrders.Where(o => o.ShopId == shop.Id).SelectMany(o => o.Lines).CountAsync()));
    }

    [SkippableFact]
    public async Task Twenty_versions_of_one_trade_pushed_at_once_end_on_the_newest()
    {
        var shop = await CreateShopAsync();
        var tid = Unique("tid");
        var start = new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.FromHours(8));
        var versions = Enumerable.Range(0, Pushes).Select(i => Version(tid, start.AddMinutes(i), i)).ToList();

        var responses = await Task.WhenAll(versions.OrderBy(_ => Random.Shared.Next()).Select(v => PostOrderAsync(shop.Id, v)));

        var failures = responses.Where(r => r.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK)).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", await Task.WhenAll(failures.Select(f => f.Content.ReadAsStringAsync()))));
        var read = await ReadJsonAsync($"/api/shops/{shop.Id}/orders/{tid}");
        Assert.Equal($"第{Pushes - 1}版", read["buyerMessage"]!.GetValue<string>());
        Assert.Equal(Pushes - 1 + 1, read["lines"]![0]!["quantity"]!.GetValue<int>());
        Assert.Equal(1, await CountOrdersAsync(shop.Id));
    }

    [SkippableFact]
    public async Task An_older_modified_after_a_newer_one_is_stale_and_changes_nothing()
    {
        var shop = await CreateShopAsync();
        var tid = Unique("tid");
        var newer = Version(tid, new DateTimeOffset(2026, 11, 11, 10, 0, 0, TimeSpan.FromHours(8)), 2);
        var older = Version(tid, new DateTimeOffset(2026, 11, 11, 9, 0, 0, TimeSpan.FromHours(8)), 1);

        var first = await PushAsync(shop.Id, newer, HttpStatusCode.Created);
        var late = await PushAsync(shop.Id, older, HttpStatusCode.OK);
        var again = await PushAsync(shop.Id, newer, HttpStatusCode.OK);

        Assert.Equal("Stale", late.Outcome.ToString());
        Assert.Equal("Unchanged", again.Outcome.ToString());
        Assert.Equal(first.Order.Id, late.Order.Id);
        Assert.Equal("第2版", (await ReadJsonAsync($"/api/orders/{first.Order.Id}"))["buyerMessage"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task A_batch_holding_a_bad_order_stores_none_of_its_good_ones()
    {
        var shop = await CreateShopAsync();
        var good = PaidOrder(Unique("tid"), ("ANY", 1));
        var bad = PaidOrder(Unique("tid"), ("ANY", 1));
        bad["lines"]![0]!["quantity"] = -1;

        var problem = await ProblemAsync(
            await PostRawAsync($"/api/shops/{shop.Id}/orders:batch", new JsonObject { ["orders"] = new JsonArray(good, bad) }.ToJsonString()), HttpStatusCode.BadRequest);

        AssertNamesField(problem, "orders[1].lines[0].quantity");
        Assert.Equal(0, await CountOrdersAsync(shop.Id));
    }

    private static JsonObject Version(string tid, DateTimeOffset modified, int n)
    {
        var order = PaidOrder(tid, ("ANY", n + 1));
        order["modified"] = modified.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        order["buyerMessage"] = $"第{n}版";
        return order;
    }
}

public sealed class SqliteDuplicatePushTests(SqliteServerFixture server) : DuplicatePushTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PostgreSqlDuplicatePushTests(PostgreSqlServerFixture server) : DuplicatePushTests(server), IClassFixture<PostgreSqlServerFixture>;
