using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Tests.Infrastructure;
using Xunit.Abstractions;
using static Orchestrator.Server.Tests.Infrastructure.RuleJson;

namespace Orchestrator.Server.Tests.Rules;

/// <summary>Unsaved rules over HTTP: dry runs of a draft set or one draft rule, per shop and per platform, and the impact preview.</summary>
public abstract class RuleDryRunApiTests(ServerFixture server, ITestOutputHelper output) : LifecycleTestBase(server)
{
    private static JsonObject Invoice() => Rule("invoice", "buyerMessage", "contains", "发票", reason: "需要开发票");

    private static JsonObject Draft(params JsonObject[] rules) => new() { ["rules"] = new JsonArray(rules.Select(r => (JsonNode)r).ToArray()) };

    private async Task<JsonObject> OkAsync(string path, JsonObject body)
    {
        var response = await Client.PostAsJsonAsync(path, body, ServerFixture.Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<int> VersionCountAsync(string scope) => (await Client.GetFromJsonAsync<JsonArray>($"{scope}/rules/versions", ServerFixture.Json))!.Count;

    private async Task<long> PushAsync(long shop, string code, Action<JsonObject>? change = null)
    {
        var order = PaidOrder(Unique("TB"), (code, 1));
        change?.Invoke(order);
        return (await PushAsync(shop, order, HttpStatusCode.Created)).Order.Id;
    }

    private Task<long> TaobaoAsync() => Server.WithDbAsync(db => db.Platforms.Where(p => p.Code == "taobao").Select(p => p.Id).FirstAsync());

    private static JsonObject PastedOrder(string code, string message, decimal payment = 180)
    {
        var order = PaidOrder(Unique("TB"), (code, 1));
        order["buyerMessage"] = message;
        order["payment"] = payment;
        return order;
    }

    [SkippableFact]
    public async Task A_draft_rule_blocks_where_the_published_set_approves_and_nothing_is_stored()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var scope = $"/api/shops/{shop}";
        await AddRuleAsync(scope, Rule("big", "payment", "ge", 1000));
        var order = PastedOrder(code, "请开发票");
        var stored = await PushAsync(shop, code, o => o["buyerMessage"] = "请开发票");
        var ordersBefore = await CountOrdersAsync(shop);

        var published = await OkAsync($"{scope}/rules:test", new JsonObject { ["order"] = order.DeepClone() });
        var withRule = await OkAsync($"{scope}/rules:test", new JsonObject { ["order"] = order.DeepClone(), ["rule"] = Invoice() });
        var withDraft = await OkAsync($"{scope}/rules:test", new JsonObject { ["orderId"] = stored, ["draft"] = Draft(Invoice()) });
        var replaced = await OkAsync($"{scope}/rules:test", new JsonObject { ["order"] = order.DeepClone(), ["rule"] = Rule("big", "payment", "ge", 100, reason: "大额") });

        Assert.Equal("Approve", published["decision"]!.GetValue<string>());
        Assert.False(published["draft"]!.GetValue<bool>());
        Assert.Equal(1, published["shop"]!["version"]!.GetValue<int>());

        Assert.Equal("Block", withRule["decision"]!.GetValue<string>());
        Assert.True(withRule["draft"]!.GetValue<bool>());
        Assert.Null(withRule["shop"]!["version"]);
        Assert.Equal(["规则-invoice: 需要开发票"], withRule["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(["big", "invoice"], withRule["shop"]!["rules"]!.AsArray().Select(r => r!["ruleId"]!.GetValue<string>()));

        Assert.Equal("Block", withDraft["decision"]!.GetValue<string>());
        Assert.Equal("invoice", Assert.Single(withDraft["shop"]!["rules"]!.AsArray())!["ruleId"]!.GetValue<string>());

        Assert.Equal(["规则-big: 大额"], replaced["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Single(replaced["shop"]!["rules"]!.AsArray());

        Assert.Equal(1, await VersionCountAsync(scope));
        Assert.Equal("big", Assert.Single((await Client.GetFromJsonAsync<JsonObject>($"{scope}/rules", ServerFixture.Json))!["rules"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal(ordersBefore, await CountOrdersAsync(shop));
    }

    [SkippableFact]
    public async Task An_invalid_draft_is_a_400_naming_where_it_is_in_the_request()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var scope = $"/api/shops/{shop}";
        await AddRuleAsync(scope, Rule("big", "payment", "ge", 1000));
        var order = PastedOrder(code, "请开发票");
        var bad = Rule("bad", "payment", "gt", "lots");

        async Task<JsonObject> BadRequestAsync(string path, JsonObject body) =>
            await ProblemAsync(await Client.PostAsJsonAsync(path, body, ServerFixture.Json), HttpStatusCode.BadRequest);

        AssertNamesField(await BadRequestAsync($"{scope}/rules:test", new JsonObject { ["order"] = order.DeepClone(), ["draft"] = Draft(Invoice(), bad.DeepClone().AsObject()) }),
            "draft.rules[1].when.all[0].value");
        AssertNamesField(await BadRequestAsync($"{scope}/rules:test", new JsonObject { ["order"] = order.DeepClone(), ["rule"] = bad.DeepClone() }), "rule.when.all[0].value");
        AssertNamesField(await BadRequestAsync($"{scope}/rules:test", new JsonObject { ["order"] = order.DeepClone(), ["draft"] = Draft(Invoice()), ["rule"] = Invoice() }), "rule");
        AssertNamesField(await BadRequestAsync($"{scope}/rules:test", new JsonObject { ["order"] = order.DeepClone(), ["draft"] = new JsonObject { ["rules"] = new JsonArray((JsonNode?)null) } }),
            "draft.rules[0]");
        AssertNamesField(await BadRequestAsync($"{scope}/rules:preview", new JsonObject { ["draft"] = new JsonObject() }), "draft.rules");
        AssertNamesField(await BadRequestAsync($"{scope}/rules:preview", new JsonObject { ["rule"] = bad.DeepClone() }), "rule.when.all[0].value");
        Assert.Equal(1, await VersionCountAsync(scope));
    }

    [SkippableFact]
    public async Task The_platform_dry_run_puts_a_draft_global_set_in_front_of_an_order_of_one_of_its_shops()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var jdShop = await CreateConnectedShopOnAsync("jd", Unique("jd"));
        var taobao = await TaobaoAsync();
        var scope = $"/api/platforms/{taobao}";
        var versions = await VersionCountAsync(scope);
        var marker = Unique("MEMO");
        var draft = Draft(Rule("memo", "sellerMemo", "contains", marker, reason: "平台拦截"));
        var order = PastedOrder(code, "周末送货");
        order["sellerMemo"] = marker;
        var stored = await PushAsync(shop, code, o => o["sellerMemo"] = marker);
        var elsewhere = await PushAsync(jdShop, code, o => o["sellerMemo"] = marker);

        AssertNamesField(await ProblemAsync(await Client.PostAsJsonAsync($"{scope}/rules:test", new JsonObject { ["order"] = order.DeepClone(), ["draft"] = draft.DeepClone() },
            ServerFixture.Json), HttpStatusCode.BadRequest), "shopId");
        AssertNamesField(await ProblemAsync(await Client.PostAsJsonAsync($"{scope}/rules:test",
            new JsonObject { ["order"] = order.DeepClone(), ["shopId"] = jdShop, ["draft"] = draft.DeepClone() }, ServerFixture.Json), HttpStatusCode.BadRequest), "shopId");
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsJsonAsync($"{scope}/rules:test", new JsonObject { ["orderId"] = elsewhere, ["draft"] = draft.DeepClone() },
            ServerFixture.Json)).StatusCode);
        var pasted = await OkAsync($"{scope}/rules:test", new JsonObject { ["order"] = order.DeepClone(), ["shopId"] = shop, ["draft"] = draft.DeepClone() });
        var byId = await OkAsync($"{scope}/rules:test", new JsonObject { ["orderId"] = stored, ["draft"] = draft.DeepClone() });
        var published = await OkAsync($"{scope}/rules:test", new JsonObject { ["orderId"] = stored });

        Assert.Equal("Block", pasted["decision"]!.GetValue<string>());
        Assert.True(pasted["draft"]!.GetValue<bool>());
        Assert.Null(pasted["platform"]!["version"]);
        Assert.Equal(["规则-memo: 平台拦截"], pasted["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("Block", byId["decision"]!.GetValue<string>());
        Assert.Equal("Approve", published["decision"]!.GetValue<string>());
        Assert.False(published["draft"]!.GetValue<bool>());
        Assert.Equal(versions, await VersionCountAsync(scope));
    }

    [SkippableFact]
    public async Task The_impact_preview_counts_what_a_draft_changes_over_the_shops_stored_orders()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var scope = $"/api/shops/{shop}";
        await AddRuleAsync(scope, Rule("big", "payment", "ge", 1000, reason: "大额"));
        // 30 orders, oldest first: every third asks for an invoice (10), and three without one are large (blocked today).
        var ids = new List<(long Id, string Kind)>();
        for (var i = 0; i < 30; i++)
        {
            var kind = i % 3 == 0 ? "invoice" : i is 1 or 2 or 4 ? "big" : i is 28 or 29 ? "invoice" : "plain";
            ids.Add((await PushAsync(shop, code, o =>
            {
                o["buyerMessage"] = kind == "invoice" ? "请开发票" : "周末送货";
                o["payment"] = kind == "big" ? 1200 : 180;
            }), kind));
        }

        var before = await VersionCountAsync(scope);
        var preview = await OkAsync($"{scope}/rules:preview", new JsonObject { ["draft"] = Draft(Invoice()) });
        var oneRule = await OkAsync($"{scope}/rules:preview", new JsonObject { ["rule"] = Invoice() });
        var lastFive = await OkAsync($"{scope}/rules:preview", new JsonObject { ["draft"] = Draft(Invoice()), ["limit"] = 5 });
        var unchanged = await OkAsync($"{scope}/rules:preview", new JsonObject { ["rule"] = Rule("big", "payment", "ge", 1000, reason: "大额") });

        Assert.Equal(30, preview["examined"]!.GetValue<int>());
        Assert.Equal(15, preview["changed"]!.GetValue<int>());
        Assert.Equal("blocks 9 more, approves 9 fewer", preview["summary"]!.GetValue<string>());
        Assert.Equal(27, preview["counts"]!["current"]!["Approve"]!.GetValue<int>());
        Assert.Equal(3, preview["counts"]!["current"]!["Block"]!.GetValue<int>());
        Assert.Equal(0, preview["counts"]!["current"]!["Hold"]!.GetValue<int>());
        Assert.Equal(0, preview["counts"]!["current"]!["RouteToException"]!.GetValue<int>());
        Assert.Equal(12, preview["counts"]!["draft"]!["Block"]!.GetValue<int>());
        Assert.Equal(18, preview["counts"]!["draft"]!["Approve"]!.GetValue<int>());
        Assert.Equal(
            ["Approve→Block×12", "Block→Approve×3"],
            preview["transitions"]!.AsArray().Select(t => $"{t!["from"]}→{t["to"]}×{t["count"]}"));
        var changedNewestFirst = ids.Where(o => o.Kind != "plain").Select(o => o.Id).Reverse().ToList();
        Assert.Equal(changedNewestFirst, preview["examples"]!.AsArray().Select(e => e!["orderId"]!.GetValue<long>()));
        var example = preview["examples"]![0]!;
        Assert.Equal(("Approve", "Block"), (example["from"]!.GetValue<string>(), example["to"]!.GetValue<string>()));
        Assert.Equal(["规则-invoice: 需要开发票"], example["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(example["platformOrderId"]!.GetValue<string>()));

        Assert.Equal("blocks 12 more, approves 12 fewer", oneRule["summary"]!.GetValue<string>());
        Assert.Equal(12, oneRule["changed"]!.GetValue<int>());
        Assert.Equal(5, lastFive["examined"]!.GetValue<int>());
        Assert.Equal("blocks 3 more, approves 3 fewer", lastFive["summary"]!.GetValue<string>());
        Assert.Equal("no change", unchanged["summary"]!.GetValue<string>());
        Assert.Empty(unchanged["transitions"]!.AsArray());
        Assert.Equal(before, await VersionCountAsync(scope));
    }

    [SkippableFact]
    public async Task A_rule_on_the_short_province_name_blocks_an_order_sent_with_the_full_name()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var order = PastedOrder(code, "周末送货");
        order["receiver"]!["province"] = "新疆维吾尔自治区";
        var elsewhere = PastedOrder(code, "周末送货");

        var remote = await OkAsync($"/api/shops/{shop}/rules:test",
            new JsonObject { ["order"] = order, ["rule"] = Rule("remote", "receiverProvince", "equals", "新疆", reason: "偏远地区") });
        var zhejiang = await OkAsync($"/api/shops/{shop}/rules:test",
            new JsonObject { ["order"] = elsewhere, ["rule"] = Rule("remote", "receiverProvince", "equals", "新疆", reason: "偏远地区") });

        Assert.Equal("Block", remote["decision"]!.GetValue<string>());
        Assert.Equal(["规则-remote: 偏远地区"], remote["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        var condition = remote["shop"]!["rules"]![0]!["conditions"]![0]!;
        Assert.Equal("新疆", condition["expected"]!.GetValue<string>());
        Assert.Equal("新疆维吾尔自治区", condition["actual"]!.GetValue<string>());
        Assert.Equal("Approve", zhejiang["decision"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task The_platform_impact_preview_runs_the_recent_orders_of_the_platforms_shops()
    {
        var code = Unique("TEA");
        var first = await CreateReadyShopAsync(code);
        var second = await CreateReadyShopAsync();
        var taobao = await TaobaoAsync();
        var marker = Unique("MEMO");
        for (var i = 0; i < 6; i++)
        {
            await PushAsync(i % 2 == 0 ? first : second, code, o => o["sellerMemo"] = i < 4 ? marker : "加急");
        }

        var preview = await OkAsync($"/api/platforms/{taobao}/rules:preview",
            new JsonObject { ["rule"] = Rule(Unique("g"), "sellerMemo", "contains", marker, reason: "平台拦截"), ["limit"] = 6 });

        Assert.Equal(6, preview["examined"]!.GetValue<int>());
        Assert.Equal("blocks 4 more, approves 4 fewer", preview["summary"]!.GetValue<string>());
        Assert.Equal(4, preview["examples"]!.AsArray().Count);
    }

    [SkippableFact]
    public async Task The_preview_limit_is_1_to_5000_and_a_preview_needs_a_draft()
    {
        var shop = await CreateReadyShopAsync();
        var scope = $"/api/shops/{shop}";

        foreach (var limit in new[] { 0, -1, 5001 })
        {
            AssertNamesField(await ProblemAsync(await Client.PostAsJsonAsync($"{scope}/rules:preview", new JsonObject { ["draft"] = Draft(Invoice()), ["limit"] = limit },
                ServerFixture.Json), HttpStatusCode.BadRequest), "limit");
        }

        AssertNamesField(await ProblemAsync(await Client.PostAsJsonAsync($"{scope}/rules:preview", new JsonObject(), ServerFixture.Json), HttpStatusCode.BadRequest), "draft");
        Assert.Equal(0, (await OkAsync($"{scope}/rules:preview", new JsonObject { ["draft"] = Draft(Invoice()), ["limit"] = 5000 }))["examined"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsJsonAsync("/api/shops/987654321/rules:preview", new JsonObject { ["draft"] = Draft() }, ServerFixture.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsJsonAsync("/api/platforms/987654321/rules:test", new JsonObject { ["orderId"] = 1 }, ServerFixture.Json)).StatusCode);
    }

    [SkippableFact]
    public async Task Previewing_500_stored_orders_stays_quick()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var template = await PushAsync(shop, code, o => o["buyerMessage"] = "请开发票");
        // Copies of one intake order, each from its own buyer, stand in for 500 received ones; review reads only the stored rows.
        await Server.WithDbAsync(async db =>
        {
            var order = await db.SalesOrders.AsNoTracking().Include(o => o.Lines).ThenInclude(l => l.Items).FirstAsync(o => o.Id == template);
            for (var i = 1; i < 500; i++)
            {
                order.Id = 0;
                order.PlatformOrderId = Unique("COPY");
                order.BuyerNick = $"买家{i}";
                order.ReceivedAt = order.ReceivedAt.AddSeconds(1);
                foreach (var line in order.Lines)
                {
                    line.Id = 0;
                    line.OrderId = 0;
                    foreach (var item in line.Items)
                    {
                        item.Id = 0;
                        item.LineId = 0;
                    }
                }

                db.SalesOrders.Add(order);
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }

            return 0;
        });

        await OkAsync($"/api/shops/{shop}/rules:preview", new JsonObject { ["draft"] = Draft(Invoice()), ["limit"] = 10 });
        var stopwatch = Stopwatch.StartNew();
        var preview = await OkAsync($"/api/shops/{shop}/rules:preview", new JsonObject { ["draft"] = Draft(Invoice()) });
        stopwatch.Stop();

        output.WriteLine($"impact preview of 500 orders: {stopwatch.ElapsedMilliseconds} ms");
        Assert.Equal(500, preview["examined"]!.GetValue<int>());
        Assert.Equal("blocks 500 more, approves 500 fewer", preview["summary"]!.GetValue<string>());
        Assert.Equal(20, preview["examples"]!.AsArray().Count);
    }
}

public sealed class SqliteRuleDryRunApiTests(LifecycleSqliteFixture server, ITestOutputHelper output) : RuleDryRunApiTests(server, output), IClassFixture<LifecycleSqliteFixture>;

public sealed class PostgreSqlRuleDryRunApiTests(LifecyclePostgreSqlFixture server, ITestOutputHelper output)
    : RuleDryRunApiTests(server, output), IClassFixture<LifecyclePostgreSqlFixture>;
