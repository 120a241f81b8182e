using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Catalog;
using Orchestrator.Domain.Orders;
using Orchestrator.Server.Apis.Orders;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Apis;

/// <summary>Order intake through HTTP, run on each real database.</summary>
public abstract class OrderIntakeApiTests(ServerFixture server) : ApiTestBase(server)
{
    [SkippableFact]
    public async Task Pushed_order_is_stored_and_read_back_mapped()
    {
        var shop = await CreateShopAsync();
        var tea = await CreateGoodsAsync(Unique("tea"));

        var pushed = await PushAsync(shop.Id, PaidOrder(Unique("tid"), (tea.MerchantCode.ToLowerInvariant() + " ", 2)), HttpStatusCode.Created);
        var read = await Client.GetFromJsonAsync<OrderResponse>($"/api/orders/{pushed.Order.Id}", ServerFixture.Json);

        Assert.Equal(IntakeOutcome.Created, pushed.Outcome);
        Assert.Equal(OrderStatus.PendingReview, read!.Status);
        var line = Assert.Single(read.Lines);
        Assert.Equal((LineMappingKind.Goods, tea.Id), (line.Mapping, line.GoodsId!.Value));
        Assert.Equal([(tea.Id, 2)], line.Items.Select(i => (i.GoodsId, i.Quantity)));
        Assert.Equal("王小明", read.Receiver.Name);
        Assert.Equal(new DateTime(2026, 11, 10, 16, 1, 2, DateTimeKind.Utc), read.PayTime);
    }

    [SkippableFact]
    public async Task Repeated_push_does_not_duplicate_the_order()
    {
        var shop = await CreateShopAsync();
        var tea = await CreateGoodsAsync(Unique("tea"));
        var order = PaidOrder(Unique("tid"), (tea.MerchantCode, 1));

        var first = await PushAsync(shop.Id, order, HttpStatusCode.Created);
        var again = await PushAsync(shop.Id, order, HttpStatusCode.OK);

        Assert.Equal(IntakeOutcome.Unchanged, again.Outcome);
        Assert.Equal(first.Order.Id, again.Order.Id);
        Assert.Equal(first.Order.Version, again.Order.Version);
        Assert.Equal(1, await CountOrdersAsync(shop.Id));
    }

    [SkippableFact]
    public async Task Concurrent_pushes_of_one_order_store_it_once()
    {
        var shop = await CreateShopAsync();
        var tea = await CreateGoodsAsync(Unique("tea"));
        var order = PaidOrder(Unique("tid"), (tea.MerchantCode, 1));

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostOrderAsync(shop.Id, order)));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, r.StatusCode.ToString()));
        Assert.Equal(1, await CountOrdersAsync(shop.Id));
    }

    [SkippableFact]
    public async Task Changed_push_before_review_updates_the_order()
    {
        var shop = await CreateShopAsync();
        var tea = await CreateGoodsAsync(Unique("tea"));
        var tid = Unique("tid");
        await PushAsync(shop.Id, PaidOrder(tid, (tea.MerchantCode, 1)), HttpStatusCode.Created);
        var changed = PaidOrder(tid, (tea.MerchantCode, 3));
        changed["receiver"]!["address"] = "文一西路969号";
        changed["modified"] = "2026-11-11T00:30:00+08:00";

        var updated = await PushAsync(shop.Id, changed, HttpStatusCode.OK);

        Assert.Equal(IntakeOutcome.Updated, updated.Outcome);
        Assert.Equal("文一西路969号", updated.Order.Receiver.Address);
        Assert.Equal(3, Assert.Single(updated.Order.Lines).Quantity);
        Assert.Equal(2, updated.Order.Version);
        Assert.Equal(1, await CountOrdersAsync(shop.Id));
    }

    [SkippableFact]
    public async Task Changed_push_after_review_is_flagged_not_applied()
    {
        var shop = await CreateShopAsync();
        var tea = await CreateGoodsAsync(Unique("tea"));
        var tid = Unique("tid");
        var created = await PushAsync(shop.Id, PaidOrder(tid, (tea.MerchantCode, 1)), HttpStatusCode.Created);
        await Server.WithDbAsync(db => db.SalesOrders.Where(o => o.Id == created.Order.Id)
            .ExecuteUpdateAsync(o => o.SetProperty(x => x.Status, OrderStatus.Allocated)));
        var changed = PaidOrder(tid, (tea.MerchantCode, 1));
        changed["receiver"]!["address"] = "买家改的新地址";
        changed["modified"] = "2026-11-11T01:00:00+08:00";

        var flagged = await PushAsync(shop.Id, changed, HttpStatusCode.OK);

        Assert.Equal(IntakeOutcome.FlaggedAfterReview, flagged.Outcome);
        Assert.Equal("文三路90号", flagged.Order.Receiver.Address);
        Assert.Equal(OrderStatus.Allocated, flagged.Order.Status);
        Assert.True(flagged.Order.HasPendingPlatformChange);
        var pending = await Client.GetFromJsonAsync<JsonObject>($"/api/orders?hasPendingPlatformChange=true&shopId={shop.Id}", ServerFixture.Json);
        Assert.Equal(1, pending!["total"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Out_of_order_older_push_is_ignored()
    {
        var shop = await CreateShopAsync();
        var tea = await CreateGoodsAsync(Unique("tea"));
        var tid = Unique("tid");
        var newer = PaidOrder(tid, (tea.MerchantCode, 1));
        newer["modified"] = "2026-11-11T02:00:00+08:00";
        await PushAsync(shop.Id, newer, HttpStatusCode.Created);
        var older = PaidOrder(tid, (tea.MerchantCode, 5));

        var stale = await PushAsync(shop.Id, older, HttpStatusCode.OK);

        Assert.Equal(IntakeOutcome.Stale, stale.Outcome);
        Assert.Equal(1, Assert.Single(stale.Order.Lines).Quantity);
    }

    [SkippableFact]
    public async Task Combo_code_wins_over_an_equal_goods_code_and_unmapped_codes_keep_the_order()
    {
        var shop = await CreateShopAsync();
        var tea = await CreateGoodsAsync(Unique("tea"));
        var cup = await CreateGoodsAsync(Unique("cup"));
        var setCode = Unique("set");
        var sameCodeGoods = await CreateGoodsAsync(setCode, "同编码单品");
        var combo = await CreateComboAsync(setCode, (tea.MerchantCode, 1), (cup.MerchantCode, 2));

        var pushed = await PushAsync(shop.Id, PaidOrder(Unique("tid"), (setCode, 2), ("NOT-IN-CATALOG", 1)), HttpStatusCode.Created);

        Assert.Equal(OrderStatus.Exception, pushed.Order.Status);
        Assert.Equal(OrderExceptionKind.UnmappedSku, pushed.Order.ExceptionKind);
        Assert.Contains("NOT-IN-CATALOG", pushed.Order.ExceptionDetail, StringComparison.Ordinal);
        var comboLine = pushed.Order.Lines[0];
        Assert.Equal((LineMappingKind.Combo, combo.Id), (comboLine.Mapping, comboLine.ComboId!.Value));
        Assert.DoesNotContain(comboLine.Items, i => i.GoodsId == sameCodeGoods.Id);
        Assert.Equal([(tea.Id, 2), (cup.Id, 4)], comboLine.Items.Select(i => (i.GoodsId, i.Quantity)).OrderBy(i => i.Item1 == tea.Id ? 0 : 1));
        Assert.Equal(LineMappingKind.Unmapped, pushed.Order.Lines[1].Mapping);
    }

    [SkippableFact]
    public async Task Batch_stores_hundreds_of_orders_once_and_a_repeat_changes_nothing()
    {
        var shop = await CreateShopAsync();
        var tea = await CreateGoodsAsync(Unique("tea"));
        var prefix = Unique("batch");
        var batch = new JsonObject { ["orders"] = new JsonArray(Enumerable.Range(0, 300).Select(i => (JsonNode)PaidOrder($"{prefix}-{i}", (tea.MerchantCode, 1 + (i % 3)))).ToArray()) };

        var first = await Client.PostAsJsonAsync($"/api/shops/{shop.Id}/orders:batch", batch, ServerFixture.Json);
        var second = await Client.PostAsJsonAsync($"/api/shops/{shop.Id}/orders:batch", batch, ServerFixture.Json);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var firstResult = await ServerFixture.ReadAsync<BatchIntakeResponse>(first);
        Assert.Equal(300, firstResult.Counts[IntakeOutcome.Created]);
        Assert.Equal(300, firstResult.Results.Select(r => r.OrderId).Distinct().Count());
        var secondResult = await ServerFixture.ReadAsync<BatchIntakeResponse>(second);
        Assert.Equal(300, secondResult.Counts[IntakeOutcome.Unchanged]);
        Assert.Equal(300, await CountOrdersAsync(shop.Id));
    }

    [SkippableFact]
    public async Task Batch_with_one_bad_order_stores_nothing_and_names_the_field()
    {
        var shop = await CreateShopAsync();
        var tea = await CreateGoodsAsync(Unique("tea"));
        var orders = Enumerable.Range(0, 10).Select(i => PaidOrder(Unique("tid"), (tea.MerchantCode, 1))).ToArray();
        orders[7]["lines"]![0]!["quantity"] = -2;

        var response = await Client.PostAsJsonAsync($"/api/shops/{shop.Id}/orders:batch", new JsonObject { ["orders"] = new JsonArray(orders) }, ServerFixture.Json);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        AssertNamesField(problem, "orders[7].lines[0].quantity");
        Assert.Equal(0, await CountOrdersAsync(shop.Id));
    }

    [SkippableFact]
    public async Task Missing_field_is_rejected_naming_it()
    {
        var shop = await CreateShopAsync();
        var order = PaidOrder(Unique("tid"), ("ANY", 1));
        order.Remove("platformOrderId");
        order["receiver"]!.AsObject().Remove("mobile");

        var problem = await ProblemAsync(await PostOrderAsync(shop.Id, order), HttpStatusCode.BadRequest);

        AssertNamesField(problem, "platformOrderId");
        AssertNamesField(problem, "receiver.mobile");
        Assert.Equal(0, await CountOrdersAsync(shop.Id));
    }

    [SkippableFact]
    public async Task Negative_quantity_is_rejected_naming_the_line()
    {
        var shop = await CreateShopAsync();

        var problem = await ProblemAsync(await PostOrderAsync(shop.Id, PaidOrder(Unique("tid"), ("ANY", 1), ("ANY-2", -1))), HttpStatusCode.BadRequest);

        AssertNamesField(problem, "lines[1].quantity");
        Assert.Equal(0, await CountOrdersAsync(shop.Id));
    }

    [SkippableFact]
    public async Task Wrong_type_is_rejected_naming_the_field()
    {
        var shop = await CreateShopAsync();
        var order = PaidOrder(Unique("tid"), ("ANY", 1));
        order["lines"]![0]!["quantity"] = "two";

        var problem = await ProblemAsync(await PostOrderAsync(shop.Id, order), HttpStatusCode.BadRequest);

        AssertNamesField(problem, "lines[0].quantity");
    }

    [SkippableFact]
    public async Task Broken_json_and_empty_body_are_rejected_as_problems()
    {
        var shop = await CreateShopAsync();

        var broken = await Client.PostAsync($"/api/shops/{shop.Id}/orders", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        var empty = await Client.PostAsync($"/api/shops/{shop.Id}/orders", new StringContent("", System.Text.Encoding.UTF8, "application/json"));

        AssertNamesField(await ProblemAsync(broken, HttpStatusCode.BadRequest), "body");
        AssertNamesField(await ProblemAsync(empty, HttpStatusCode.BadRequest), "body");
    }

    [SkippableFact]
    public async Task Unknown_platform_status_is_rejected_naming_it()
    {
        var shop = await CreateShopAsync();
        var order = PaidOrder(Unique("tid"), ("ANY", 1));
        order["status"] = "PAID_MAYBE";

        var problem = await ProblemAsync(await PostOrderAsync(shop.Id, order), HttpStatusCode.BadRequest);

        AssertNamesField(problem, "status");
    }

    [SkippableFact]
    public async Task Unknown_shop_is_a_404_problem()
    {
        var problem = await ProblemAsync(await PostOrderAsync(987654, PaidOrder(Unique("tid"), ("ANY", 1))), HttpStatusCode.NotFound);

        Assert.Equal(987654, problem["shopId"]!.GetValue<long>());
    }

    [SkippableFact]
    public async Task Oversized_batch_is_rejected_and_stores_nothing()
    {
        var shop = await CreateShopAsync();
        var prefix = Unique("big");
        var batch = new JsonObject { ["orders"] = new JsonArray(Enumerable.Range(0, 501).Select(i => (JsonNode)PaidOrder($"{prefix}-{i}", ("ANY", 1))).ToArray()) };

        var problem = await ProblemAsync(await Client.PostAsJsonAsync($"/api/shops/{shop.Id}/orders:batch", batch, ServerFixture.Json), HttpStatusCode.BadRequest);

        AssertNamesField(problem, "orders");
        Assert.Equal(0, await CountOrdersAsync(shop.Id));
    }

    [SkippableFact]
    public async Task Copies_of_one_order_in_a_batch_collapse_to_the_newest_and_the_others_answer_as_its_duplicates()
    {
        var shop = await CreateShopAsync();
        var (newer, tie, single) = (Unique("tid"), Unique("tid"), Unique("tid"));
        var newest = PaidOrder(newer, ("ANY", 2));
        newest["modified"] = "2026-11-11T00:05:00+08:00";
        var batch = new JsonObject
        {
            ["orders"] = new JsonArray(
                newest, PaidOrder(tie, ("ANY", 1)), PaidOrder(newer, ("ANY", 1)), PaidOrder(single, ("ANY", 1)), PaidOrder($" {tie} ", ("ANY", 3))),
        };

        var response = await Client.PostAsJsonAsync($"/api/shops/{shop.Id}/orders:batch", batch, ServerFixture.Json);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = await ServerFixture.ReadAsync<BatchIntakeResponse>(response);
        Assert.Equal(
            new (IntakeOutcome, int?)[] { (IntakeOutcome.Created, null), (IntakeOutcome.Duplicate, 4), (IntakeOutcome.Duplicate, 0), (IntakeOutcome.Created, null), (IntakeOutcome.Created, null) },
            result.Results.Select(r => (r.Outcome, r.KeptItem)));
        Assert.Equal((3, 2), (result.Counts[IntakeOutcome.Created], result.Counts[IntakeOutcome.Duplicate]));
        Assert.Equal(result.Results[0].OrderId, result.Results[2].OrderId);
        Assert.Equal(result.Results[4].OrderId, result.Results[1].OrderId);
        Assert.Equal(3, await CountOrdersAsync(shop.Id));
        Assert.Equal(2, (await Client.GetFromJsonAsync<OrderResponse>($"/api/orders/{result.Results[0].OrderId}", ServerFixture.Json))!.Lines[0].Quantity);
        Assert.Equal(3, (await Client.GetFromJsonAsync<OrderResponse>($"/api/orders/{result.Results[1].OrderId}", ServerFixture.Json))!.Lines[0].Quantity);

        var again = await ServerFixture.ReadAsync<BatchIntakeResponse>(await Client.PostAsJsonAsync($"/api/shops/{shop.Id}/orders:batch", batch, ServerFixture.Json));

        Assert.Equal((3, 2), (again.Counts[IntakeOutcome.Unchanged], again.Counts[IntakeOutcome.Duplicate]));
    }
}

public sealed class SqliteOrderIntakeApiTests(SqliteServerFixture server) : OrderIntakeApiTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PostgreSqlOrderIntakeApiTests(PostgreSqlServerFixture server) : OrderIntakeApiTests(server), IClassFixture<PostgreSqlServerFixture>;
