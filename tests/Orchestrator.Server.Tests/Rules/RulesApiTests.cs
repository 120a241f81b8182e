using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Rules;
using Orchestrator.Server.Tests.Infrastructure;
using static Orchestrator.Server.Tests.Infrastructure.RuleJson;

namespace Orchestrator.Server.Tests.Rules;

/// <summary>Review rules over HTTP: editing with versions, validation, and their effect on orders in the lifecycle.</summary>
public abstract class RulesApiTests(ServerFixture server) : LifecycleTestBase(server)
{
    private async Task<long> PushAsync(long shop, string code, Action<JsonObject>? change = null)
    {
        var order = PaidOrder(Unique("TB"), (code, 1));
        change?.Invoke(order);
        return (await PushAsync(shop, order, HttpStatusCode.Created)).Order.Id;
    }

    [SkippableFact]
    public async Task Rules_are_added_edited_disabled_reordered_and_deleted_each_edit_a_new_version()
    {
        var shop = await CreateReadyShopAsync();
        var scope = $"/api/shops/{shop}";
        Assert.Equal(0, (await Client.GetFromJsonAsync<JsonObject>($"{scope}/rules", ServerFixture.Json))!["version"]!.GetValue<int>());

        await AddRuleAsync(scope, Rule("a", "payment", "gt", "1,000.50"), 0);
        var two = await AddRuleAsync(scope, Rule("b", "buyerMessage", "contains", "发票"), 1);
        Assert.Equal(2, two["version"]!.GetValue<int>());

        var put = await Client.PutAsJsonAsync($"{scope}/rules/a", new JsonObject { ["version"] = 2, ["rule"] = Rule("a", "payment", "gt", 5000) }, ServerFixture.Json);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsJsonAsync($"{scope}/rules/a:disable", new JsonObject { ["version"] = 3 }, ServerFixture.Json)).StatusCode);
        var reordered = await Client.PostAsJsonAsync($"{scope}/rules:reorder", new JsonObject { ["version"] = 4, ["ruleIds"] = new JsonArray("b", "a") }, ServerFixture.Json);
        var set = JsonNode.Parse(await reordered.Content.ReadAsStringAsync())!;
        Assert.Equal(["b", "a"], set["rules"]!.AsArray().OrderBy(r => r!["priority"]!.GetValue<int>()).Select(r => r!["id"]!.GetValue<string>()));
        Assert.False(set["rules"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == "a")!["enabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, (await Client.DeleteAsync($"{scope}/rules/b?version=5")).StatusCode);

        var versions = (await Client.GetFromJsonAsync<JsonArray>($"{scope}/rules/versions", ServerFixture.Json))!;
        Assert.Equal([6, 5, 4, 3, 2, 1], versions.Select(v => v!["version"]!.GetValue<int>()));
        var first = (await Client.GetFromJsonAsync<JsonObject>($"{scope}/rules/versions/1", ServerFixture.Json))!;
        Assert.Equal("a", Assert.Single(first["rules"]!.AsArray())!["id"]!.GetValue<string>());
        var exported = (await Client.GetFromJsonAsync<JsonObject>($"{scope}/rules:export", ServerFixture.Json))!;
        var imported = await Client.PostAsJsonAsync($"{scope}/rules:import", new JsonObject { ["version"] = 6, ["rules"] = exported["rules"]!.DeepClone() }, ServerFixture.Json);
        Assert.Equal(7, JsonNode.Parse(await imported.Content.ReadAsStringAsync())!["version"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task An_invalid_rule_is_a_400_naming_the_rule_and_the_condition_path()
    {
        var shop = await CreateReadyShopAsync();
        await AddRuleAsync($"/api/shops/{shop}", Rule("ok", "payment", "gt", 1), 0);
        var bad = Rule("bad", "payment", "gt", "lots");
        bad["when"]!["all"]!.AsArray().Add(new JsonObject { ["field"] = "price", ["operator"] = "gt", ["value"] = 1 });
        bad["action"]!["reason"] = null;

        var problem = await ProblemAsync(await Client.PostAsJsonAsync($"/api/shops/{shop}/rules", new JsonObject { ["version"] = 1, ["rule"] = bad }, ServerFixture.Json),
            HttpStatusCode.BadRequest);

        AssertNamesField(problem, "rules[1].when.all[0].value");
        AssertNamesField(problem, "rules[1].when.all[1].field");
        AssertNamesField(problem, "rules[1].action.reason");
        Assert.Contains("规则-bad", problem["errors"]!["rules[1].when.all[0].value"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var fields = (await Client.GetFromJsonAsync<JsonObject>("/api/rules/fields", ServerFixture.Json))!;
        Assert.Contains(fields["fields"]!.AsArray(), f => f!["name"]!.GetValue<string>() == "buyerMessage" && f["type"]!.GetValue<string>() == "Text");
        Assert.Contains("between", fields["operators"]!["Number"]!.AsArray().Select(o => o!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task The_fields_offer_the_provinces_as_a_pick_list_with_short_names()
    {
        var fields = (await Client.GetFromJsonAsync<JsonObject>("/api/rules/fields", ServerFixture.Json))!["fields"]!.AsArray();

        var choices = fields.Single(f => f!["name"]!.GetValue<string>() == "receiverProvince")!["choices"]!.AsArray();
        Assert.Equal(34, choices.Count);
        Assert.Contains(choices, c => c!["value"]!.GetValue<string>() == "新疆维吾尔自治区" && c["shortName"]!.GetValue<string>() == "新疆");
        Assert.Contains(choices, c => c!["value"]!.GetValue<string>() == "香港特别行政区" && c["shortName"]!.GetValue<string>() == "香港");
        Assert.Null(fields.Single(f => f!["name"]!.GetValue<string>() == "buyerMessage")!["choices"]);
    }

    [SkippableFact]
    public async Task The_fields_offer_the_cities_as_a_pick_list_with_short_names_and_provinces()
    {
        var fields = (await Client.GetFromJsonAsync<JsonObject>("/api/rules/fields", ServerFixture.Json))!["fields"]!.AsArray();

        var choices = fields.Single(f => f!["name"]!.GetValue<string>() == "receiverCity")!["choices"]!.AsArray();
        Assert.Equal(ChinaCities.All.Count, choices.Count);
        Assert.Contains(choices, c => c!["value"]!.GetValue<string>() == "杭州市" && c["shortName"]!.GetValue<string>() == "杭州"
            && c["province"]!.GetValue<string>() == "浙江省");
        Assert.Contains(choices, c => c!["value"]!.GetValue<string>() == "延边朝鲜族自治州" && c["shortName"]!.GetValue<string>() == "延边"
            && c["province"]!.GetValue<string>() == "吉林省");
        Assert.Contains(choices, c => c!["value"]!.GetValue<string>() == "阿里地区" && c["shortName"]!.GetValue<string>() == "阿里");
        var province = fields.Single(f => f!["name"]!.GetValue<string>() == "receiverProvince")!["choices"]!.AsArray();
        Assert.All(province, c => Assert.Null(c!["province"]));
    }

    [SkippableFact]
    public async Task An_edit_based_on_a_stale_version_is_a_409_with_the_current_version()
    {
        var shop = await CreateReadyShopAsync();
        await AddRuleAsync($"/api/shops/{shop}", Rule("a", "payment", "gt", 1), 0);

        var problem = await ProblemAsync(
            await Client.PostAsJsonAsync($"/api/shops/{shop}/rules", new JsonObject { ["version"] = 0, ["rule"] = Rule("b", "payment", "gt", 2) }, ServerFixture.Json),
            HttpStatusCode.Conflict);

        Assert.Equal(1, problem["currentVersion"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Ten_racing_edits_based_on_the_same_version_make_one_version_and_nine_409s()
    {
        var shop = await CreateReadyShopAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Client.PostAsJsonAsync($"/api/shops/{shop}/rules",
            new JsonObject { ["version"] = 0, ["rule"] = Rule($"r{i}", "payment", "gt", i) }, ServerFixture.Json)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var set = (await Client.GetFromJsonAsync<JsonObject>($"/api/shops/{shop}/rules", ServerFixture.Json))!;
        Assert.Equal(1, set["version"]!.GetValue<int>());
        Assert.Single(set["rules"]!.AsArray());
    }

    [SkippableFact]
    public async Task A_block_rule_stops_the_next_order_with_its_reason_and_approval_moves_it_on()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var before = await PushAsync(shop, code, o => o["buyerMessage"] = "请开发票");
        await WaitForAsync(before, bookmark: "PickConfirmed");

        await AddRuleAsync($"/api/shops/{shop}", Rule("invoice", "buyerMessage", "contains", "发票", reason: "需要开发票"), 0);
        var orderId = await PushAsync(shop, code, o => o["buyerMessage"] = "请开发票，谢谢");

        var blocked = await WaitForAsync(orderId, bookmark: "Review");
        Assert.Equal("规则-invoice: 需要开发票", blocked["instance"]!["blockedReason"]!.GetValue<string>());
        var order = (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{orderId}", ServerFixture.Json))!;
        Assert.Equal("Blocked", order["status"]!.GetValue<string>());
        var approved = await ResumeOkAsync(InstanceId(blocked), "Review", new JsonObject { ["decision"] = "approve" });
        Assert.Equal("PickConfirmed", approved["instance"]!["waitingFor"]!.GetValue<string>());
        await WaitForAsync(await PushAsync(shop, code, o => o["buyerMessage"] = "周末送货"), bookmark: "PickConfirmed");
    }

    [SkippableFact]
    public async Task A_short_hold_resumes_by_itself()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var hold = Rule("cool", "payment", "gt", 0, action: "HoldUntil", reason: null);
        hold["action"]!["until"] = DateTimeOffset.UtcNow.AddSeconds(3).ToString("O");
        await AddRuleAsync($"/api/shops/{shop}", hold, 0);

        var orderId = await PushAsync(shop, code);

        var held = await WaitForAsync(orderId, bookmark: "Hold", seconds: 10);
        Assert.Equal("Suspended", held["instance"]!["status"]!.GetValue<string>());
        var done = await WaitForAsync(orderId, bookmark: "PickConfirmed", seconds: 30);
        Assert.Contains("review:Completed:Approved", Steps(done));
    }

    [SkippableFact]
    public async Task RouteToException_beats_block_and_AutoApprove_ignores_later_rules()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        await AddRuleAsync($"/api/shops/{shop}", Rule("block", "buyerMessage", "contains", "发票", priority: 20), 0);
        await AddRuleAsync($"/api/shops/{shop}", Rule("remote", "receiverProvince", "in", new JsonArray("西藏自治区"), action: "RouteToException", reason: "偏远地区", priority: 30), 1);
        await AddRuleAsync($"/api/shops/{shop}", Rule("vip", "buyerNick", "equals", "ＶＩＰ客户", action: "AutoApprove", reason: null, priority: 1), 2);

        var remote = await PushAsync(shop, code, o => { o["buyerMessage"] = "发票"; o["receiver"]!["province"] = "西藏自治区"; });
        var vip = await PushAsync(shop, code, o => { o["buyerMessage"] = "发票"; o["buyerNick"] = "vip客户"; });

        var exception = await WaitForAsync(remote, bookmark: "Resolved");
        Assert.Contains("review:Completed:Exception", Steps(exception));
        var order = (await Client.GetFromJsonAsync<JsonObject>($"/api/orders/{remote}", ServerFixture.Json))!;
        Assert.Equal("Exception", order["status"]!.GetValue<string>());
        Assert.Contains("规则-remote: 偏远地区", order["exceptionDetail"]!.GetValue<string>(), StringComparison.Ordinal);
        await WaitForAsync(vip, bookmark: "PickConfirmed");
    }

    [SkippableFact]
    public async Task A_platform_rule_applies_to_every_shop_of_the_platform()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var taobao = await Server.WithDbAsync(db => db.Platforms.Where(p => p.Code == "taobao").Select(p => p.Id).FirstAsync());
        var current = (await Client.GetFromJsonAsync<JsonObject>($"/api/platforms/{taobao}/rules", ServerFixture.Json))!["version"]!.GetValue<int>();
        var marker = Unique("MEMO");
        await AddRuleAsync($"/api/platforms/{taobao}", Rule(Unique("g"), "sellerMemo", "contains", marker, reason: "平台拦截"), current);

        var orderId = await PushAsync(shop, code, o => o["sellerMemo"] = marker);

        var blocked = await WaitForAsync(orderId, bookmark: "Review");
        Assert.Contains("平台拦截", blocked["instance"]!["blockedReason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_dry_run_shows_the_decision_and_why_and_stores_nothing()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        await AddRuleAsync($"/api/shops/{shop}", Rule("big", "payment", "ge", "1,000"), 0);
        var order = PaidOrder(Unique("TB"), (code, 1));
        order["payment"] = 1200;
        var ordersBefore = await CountOrdersAsync(shop);

        var response = await Client.PostAsJsonAsync($"/api/shops/{shop}/rules:test", new JsonObject { ["order"] = order }, ServerFixture.Json);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Block", result["decision"]!.GetValue<string>());
        var rule = Assert.Single(result["shop"]!["rules"]!.AsArray())!;
        Assert.True(rule["matched"]!.GetValue<bool>());
        var condition = Assert.Single(rule["conditions"]!.AsArray())!;
        Assert.Equal(1200m, condition["actual"]!.GetValue<decimal>());
        Assert.Equal("1,000", condition["expected"]!.GetValue<string>());
        Assert.Equal(ordersBefore, await CountOrdersAsync(shop));
        Assert.Equal(0, await Server.WithDbAsync(db => db.WorkflowInstances.CountAsync(i => i.ShopId == shop)));
    }

    [SkippableFact]
    public async Task A_review_computes_the_costly_facts_its_rules_read_and_blocks_on_them()
    {
        // Review computes buyer history, blacklist, stock and weight only when a rule reads them: these rules read three.
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var nick = "买家" + Unique("N");
        Assert.Equal(HttpStatusCode.Created, (await BlacklistAsync(await TaobaoAsync(), nick)).StatusCode);
        await WaitForAsync(await PushAsync(shop, code, o => o["buyerNick"] = "路人" + Unique("N")), bookmark: "PickConfirmed");
        await AddRuleAsync(shop, Rule("heavy", "weightKg", "ge", 0.9, reason: "超重"), 0);
        await AddRuleAsync(shop, Rule("repeat", "buyerOrdersLast7Days", "ge", 1, reason: "重复下单"));
        await AddRuleAsync(shop, Rule("listed", "buyerOnBlacklist", "equals", true, reason: "黑名单"));

        var light = await PushAsync(shop, code, o => o["buyerNick"] = "路人" + Unique("N"));
        await WaitForAsync(light, bookmark: "PickConfirmed");
        await PushAsync(shop, code, o => o["buyerNick"] = nick);
        var heavy = await PushAsync(shop, code, o =>
        {
            o["buyerNick"] = nick;
            o["lines"]![0]!["quantity"] = 3;
        });

        var blocked = await WaitForAsync(heavy, bookmark: "Review");
        var reason = blocked["instance"]!["blockedReason"]!.GetValue<string>();
        Assert.Contains("超重", reason);
        Assert.Contains("重复下单", reason);
        Assert.Contains("黑名单", reason);
    }

    [SkippableFact]
    public async Task Facts_count_the_buyers_recent_orders_on_the_platform_weigh_the_goods_and_check_the_blacklist()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var taobao = await TaobaoAsync();
        var nick = "买家" + Unique("N");
        Assert.Equal(HttpStatusCode.Created, (await BlacklistAsync(taobao, nick.ToLowerInvariant())).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await BlacklistAsync(taobao, nick)).StatusCode);
        await PushAsync(shop, code, o => o["buyerNick"] = nick);
        var second = await PushAsync(shop, code, o =>
        {
            o["buyerNick"] = nick;
            o["lines"]![0]!["quantity"] = 3;
        });

        var response = await Client.PostAsJsonAsync($"/api/shops/{shop}/rules:test", new JsonObject { ["orderId"] = second }, ServerFixture.Json);
        var facts = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["facts"]!;

        Assert.Equal(1, facts["buyerOrdersLast7Days"]!.GetValue<int>());
        Assert.Equal(1, facts["buyerOrdersLast30Days"]!.GetValue<int>());
        Assert.True(facts["buyerOnBlacklist"]!.GetValue<bool>());
        Assert.Equal(0.9m, facts["weightKg"]!.GetValue<decimal>());
        Assert.Equal("taobao", facts["platformCode"]!.GetValue<string>());
        Assert.Contains(code, facts["merchantCodes"]!.AsArray().Select(c => c!.GetValue<string>()));

        var entries = (await Client.GetFromJsonAsync<JsonArray>($"/api/platforms/{taobao}/blacklist", ServerFixture.Json))!;
        var entry = entries.Single(e => string.Equals(e!["buyerNick"]!.GetValue<string>(), nick, StringComparison.OrdinalIgnoreCase))!;
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/platforms/{taobao}/blacklist/{entry["id"]}")).StatusCode);
        var again = await Client.PostAsJsonAsync($"/api/shops/{shop}/rules:test", new JsonObject { ["orderId"] = second }, ServerFixture.Json);
        Assert.False(JsonNode.Parse(await again.Content.ReadAsStringAsync())!["facts"]!["buyerOnBlacklist"]!.GetValue<bool>());
    }

    private Task<long> TaobaoAsync() => Server.WithDbAsync(db => db.Platforms.Where(p => p.Code == "taobao").Select(p => p.Id).FirstAsync());

    private Task<HttpResponseMessage> BlacklistAsync(long platformId, string nick) =>
        Client.PostAsJsonAsync($"/api/platforms/{platformId}/blacklist", new JsonObject { ["buyerNick"] = nick, ["reason"] = "恶意退款" }, ServerFixture.Json);
}

public sealed class SqliteRulesApiTests(LifecycleSqliteFixture server) : RulesApiTests(server), IClassFixture<LifecycleSqliteFixture>;

public sealed class PostgreSqlRulesApiTests(LifecyclePostgreSqlFixture server) : RulesApiTests(server), IClassFixture<LifecyclePostgreSqlFixture>;
