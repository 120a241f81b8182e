using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>
/// Between two runs an instance's grain holds the order and its packages as its last run committed them, and the next
/// run uses them when their versions are still the stored ones (<c>OrderAggregate</c>). A change made anywhere else
/// moves a version, and the next run loads afresh.
/// </summary>
public abstract class HeldOrderTests(ServerFixture server) : LifecycleTestBase(server)
{
    [SkippableFact]
    public async Task A_change_made_elsewhere_between_two_floor_calls_is_what_the_next_call_works_on()
    {
        var (tea, cup) = (Unique("TEA"), Unique("CUP"));
        var shop = await CreateReadyShopAsync(tea, cup);
        var orderId = (await PushAsync(shop, PaidOrder(Unique("TB"), (tea, 2), (cup, 1)), HttpStatusCode.Created)).Order.Id;
        await WaitForAsync(orderId, bookmark: "PickConfirmed");
        await FloorOkAsync(orderId, "pick:confirm", new JsonObject());

        // The order, changed through another context (as another server, or an API edit, would): its version moves.
        await Server.WithDbAsync(async db =>
        {
            var order = await db.SalesOrders.SingleAsync(o => o.Id == orderId);
            order.SellerMemo = "改发顺丰";
            return await db.SaveChangesAsync();
        });
        var scanned = await FloorOkAsync(orderId, "verify:scan", new JsonObject { ["barcode"] = tea });
        Assert.Equal("改发顺丰", scanned["order"]!["sellerMemo"]!.GetValue<string>());
        Assert.Equal(2, scanned["waiting"]![0]!["payload"]!["remaining"]!.GetValue<int>());

        // Only a package line, changed elsewhere (a supervisor resets the scan): the package's version moves, the order's not.
        await Server.WithDbAsync(async db =>
        {
            var package = await db.Packages.SingleAsync(p => p.OrderId == orderId);
            package.Lines.ForEach(l => l.Scanned = 0);
            return await db.SaveChangesAsync();
        });
        var again = await FloorOkAsync(orderId, "verify:scan", new JsonObject { ["barcode"] = tea });
        Assert.Equal(2, again["waiting"]![0]!["payload"]!["remaining"]!.GetValue<int>());
        Assert.Equal(1, again["order"]!["packages"]![0]!["lines"]!.AsArray().Sum(l => l!["scanned"]!.GetValue<int>()));

        await FloorOkAsync(orderId, "verify:scan", new JsonObject { ["barcode"] = tea });
        var verified = await FloorOkAsync(orderId, "verify:scan", new JsonObject { ["barcode"] = cup });
        Assert.Equal("Weighed", verified["instance"]!["waitingFor"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task While_nothing_changed_the_next_floor_call_works_on_what_the_grain_held_and_reads_no_order()
    {
        var tea = Unique("TEA");
        var shop = await CreateReadyShopAsync(tea);
        var orderId = (await PushAsync(shop, PaidOrder(Unique("TB"), (tea, 2)), HttpStatusCode.Created)).Order.Id;
        await WaitForAsync(orderId, bookmark: "PickConfirmed");
        await FloorOkAsync(orderId, "pick:confirm", new JsonObject());

        // A write no code path makes: a column changed without its version. Only a run that read the order would see it;
        // one that works on what its grain held does not (and its own save keeps the column, which it did not change).
        await Server.WithDbAsync(db => db.SalesOrders.Where(o => o.Id == orderId)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.SellerMemo, "written behind the version")));
        var scanned = await FloorOkAsync(orderId, "verify:scan", new JsonObject { ["barcode"] = tea });

        Assert.Null(scanned["order"]!["sellerMemo"]);
        Assert.Equal(1, scanned["waiting"]![0]!["payload"]!["remaining"]!.GetValue<int>());
        Assert.Equal("written behind the version", await Server.WithDbAsync(db =>
            db.SalesOrders.Where(o => o.Id == orderId).Select(o => o.SellerMemo).SingleAsync()));
    }

    [SkippableFact]
    public async Task While_nobody_else_saved_to_the_order_the_next_floor_call_does_not_even_ask_its_version()
    {
        var tea = Unique("TEA");
        var shop = await CreateReadyShopAsync(tea);
        var orderId = (await PushAsync(shop, PaidOrder(Unique("TB"), (tea, 2)), HttpStatusCode.Created)).Order.Id;
        await WaitForAsync(orderId, bookmark: "PickConfirmed");
        await FloorOkAsync(orderId, "pick:confirm", new JsonObject());

        // A write no code path makes: a (cancelled) package added by SQL, not through a save. The version query counts
        // an order's packages and would see it; a grain that knows nobody saved to the order since its last run does not ask.
        await Server.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "Packages" ("OrderId", "Sequence", "Status", "TrackingNumber", "Version", "WarehouseId", "WeightKg")
            SELECT "OrderId", "Sequence" + 1, {nameof(PackageStatus.Cancelled)}, NULL, 1, "WarehouseId", NULL FROM "Packages" WHERE "OrderId" = {orderId}
            """));
        var scanned = await FloorOkAsync(orderId, "verify:scan", new JsonObject { ["barcode"] = tea });

        Assert.Single(scanned["order"]!["packages"]!.AsArray());
        Assert.Equal(2, await Server.WithDbAsync(db => db.Packages.CountAsync(p => p.OrderId == orderId)));

        // A save through EF elsewhere, even of a column no step reads: the next call asks, and works on both packages.
        await Server.WithDbAsync(async db =>
        {
            var order = await db.SalesOrders.SingleAsync(o => o.Id == orderId);
            order.SellerMemo = "看一下";
            return await db.SaveChangesAsync();
        });
        var again = await FloorOkAsync(orderId, "verify:scan", new JsonObject { ["barcode"] = tea });
        Assert.Equal(2, again["order"]!["packages"]!.AsArray().Count);
        Assert.Equal("看一下", again["order"]!["sellerMemo"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task The_first_run_starts_from_the_order_intake_had_in_hand_not_from_reading_it_back()
    {
        // Start waits two seconds before any step touches the order; meanwhile a column is written behind the version.
        // A run working on the copy intake handed over does not see it; one that read the order would.
        await PublishWorkflowAsync(new JsonObject
        {
            ["definitionId"] = "handed-over",
            ["name"] = "Decide on the order after a pause",
            ["root"] = new JsonObject
            {
                ["type"] = "Flowchart",
                ["activities"] = new JsonArray(
                    new JsonObject { ["id"] = "start", ["type"] = "Start" },
                    new JsonObject { ["id"] = "pause", ["type"] = "Delay", ["duration"] = "00:00:02" },
                    new JsonObject { ["id"] = "memo", ["type"] = "Decision", ["condition"] = new JsonObject { ["left"] = "order.sellerMemo", ["operator"] = "isEmpty" } },
                    new JsonObject { ["id"] = "as-handed-over", ["type"] = "Finish" },
                    new JsonObject { ["id"] = "as-read-back", ["type"] = "Finish" }),
                ["connections"] = new JsonArray(
                    Link("start", "Done", "pause"), Link("pause", "Done", "memo"), Link("memo", "True", "as-handed-over"), Link("memo", "False", "as-read-back")),
            },
        });
        var tea = Unique("TEA");
        var shop = await CreatePinnedShopAsync("handed-over", tea);
        var orderId = await PushPaidOrderAsync(shop, tea);
        await WaitForAsync(orderId, bookmark: "Delay");

        await Server.WithDbAsync(db => db.SalesOrders.Where(o => o.Id == orderId)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.SellerMemo, "written behind the version")));
        var done = await WaitForAsync(orderId, status: "Finished", seconds: 90);

        Assert.Contains("memo:Completed:True", Steps(done));
    }
}

public sealed class SqliteHeldOrderTests(LifecycleSqliteFixture server) : HeldOrderTests(server), IClassFixture<LifecycleSqliteFixture>;

public sealed class PostgreSqlHeldOrderTests(LifecyclePostgreSqlFixture server) : HeldOrderTests(server), IClassFixture<LifecyclePostgreSqlFixture>;
