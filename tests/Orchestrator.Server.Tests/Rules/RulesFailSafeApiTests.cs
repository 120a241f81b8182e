using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence.Rules;
using Orchestrator.Server.Tests.Infrastructure;
using static Orchestrator.Server.Tests.Infrastructure.RuleJson;

namespace Orchestrator.Server.Tests.Rules;

/// <summary>DESIGN.md §7 over HTTP: rules that cannot be evaluated or computed stop orders for a person; publishing lints and compiles.</summary>
public abstract class RulesFailSafeApiTests(ServerFixture server) : LifecycleTestBase(server)
{
    private static async Task<JsonObject> ProblemOfAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<JsonObject> DryRunAsync(long shop, JsonObject order)
    {
        var response = await Client.PostAsJsonAsync($"/api/shops/{shop}/rules:test", new JsonObject { ["order"] = order.DeepClone() }, ServerFixture.Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"dry run: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private Task<int> VersionsAsync(long shop) =>
        Server.WithDbAsync(db => db.RuleSetVersions.CountAsync(r => r.ScopeKind == RuleScopeKind.Shop && r.ScopeId == shop));

    [SkippableFact]
    public async Task A_cash_on_delivery_order_without_a_pay_time_is_held_from_its_receipt_not_approved()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var hold = Rule("cod", All(("isCod", "equals", true)), "HoldUntil", reason: null);
        hold["action"]!["holdMinutes"] = 60;
        await AddRuleAsync(shop, hold);
        var order = PaidOrder(Unique("TB"), (code, 1));
        order["isCod"] = true;
        order.Remove("payTime");

        var before = DateTime.UtcNow;
        var id = (await PushAsync(shop, order, HttpStatusCode.Created)).Order.Id;

        var held = await WaitForAsync(id, bookmark: "Hold");
        var until = held["journal"]!.AsArray().Last(e => e!["activityType"]!.GetValue<string>() == "ServiceReview")!["outputs"]!["until"]!.GetValue<DateTime>();
        Assert.InRange(until.ToUniversalTime(), before.AddMinutes(59), DateTime.UtcNow.AddMinutes(61));
    }

    [SkippableFact]
    public async Task A_fixed_hold_time_in_the_past_is_a_400_naming_until()
    {
        var shop = await CreateReadyShopAsync();
        var hold = Rule("past", All(("payment", "gt", 0)), "HoldUntil", reason: null);
        hold["action"]!["until"] = DateTimeOffset.UtcNow.AddHours(-1).ToString("O");

        var problem = await ProblemOfAsync(await PostRuleAsync(shop, hold, 0));

        Assert.True(problem["errors"]!.AsObject().ContainsKey("rules[0].action.until"), problem.ToJsonString());
        Assert.Equal(0, await VersionsAsync(shop));
    }

    public static TheoryData<string, string, string, string> Lints => new()
    {
        { "buyerMessage", "contains", "   ", "rules[0].when.all[0].value" },
        { "buyerMessage", "startsWith", "", "rules[0].when.all[0].value" },
        { "buyerMessage", "regex", ".*", "rules[0].when.all[0].value" },
        { "payment", "gt", "1,5", "rules[0].when.all[0].value" },
    };

    [SkippableTheory]
    [MemberData(nameof(Lints))]
    public async Task A_condition_that_would_match_every_order_or_a_value_that_cannot_be_read_is_a_400_naming_its_path(string field, string op, string value, string path)
    {
        var shop = await CreateReadyShopAsync();

        var problem = await ProblemOfAsync(await PostRuleAsync(shop, Rule("x", All((field, op, value))), 0));

        Assert.True(problem["errors"]!.AsObject().ContainsKey(path), problem.ToJsonString());
        Assert.Equal(0, await VersionsAsync(shop));
    }

    [SkippableFact]
    public async Task Contradictory_ranges_are_a_400_and_rules_behind_an_approve_all_are_published_with_a_warning()
    {
        var shop = await CreateReadyShopAsync();

        var contradiction = await ProblemOfAsync(await PostRuleAsync(shop, Rule("x", All(("payment", "lt", 10), ("payment", "gt", 100))), 0));
        Assert.True(contradiction["errors"]!.AsObject().ContainsKey("rules[0].when.all"), contradiction.ToJsonString());

        var approveAll = Rule("all", All(("payment", "ge", 0)), "AutoApprove", reason: null);
        approveAll["priority"] = 1;
        await AddRuleAsync(shop, approveAll);
        var published = await AddRuleAsync(shop, Rule("dead", All(("payment", "gt", 1000))), 1);

        var warning = Assert.Single(published["warnings"]!.AsArray())!;
        Assert.Equal("dead", warning["ruleId"]!.GetValue<string>());
        Assert.Contains("never runs", warning["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, published["version"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Importing_a_null_rule_is_a_400_not_a_500()
    {
        var shop = await CreateReadyShopAsync();

        var response = await Client.PostAsJsonAsync($"/api/shops/{shop}/rules:import", new JsonObject { ["version"] = 0, ["rules"] = new JsonArray((JsonNode?)null) }, ServerFixture.Json);

        var problem = await ProblemOfAsync(response);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("rules[0]"), problem.ToJsonString());
    }

    [SkippableFact]
    public async Task A_date_time_without_an_offset_is_read_in_Shanghai_time()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        await AddRuleAsync(shop, Rule("sale", All(("payTime", "ge", "2026-11-11T00:00:00")), reason: "双十一订单"));
        var order = PaidOrder(Unique("TB"), (code, 1));
        order["payTime"] = "2026-11-11T00:00:30+08:00";

        Assert.Equal("Block", (await DryRunAsync(shop, order))["decision"]!.GetValue<string>());

        order["payTime"] = "2026-11-10T23:59:30+08:00";
        Assert.Equal("Approve", (await DryRunAsync(shop, order))["decision"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData("退\u200B款", "退款")]
    [InlineData("退 款", "退款")]
    [InlineData("請開發票", "发票")]
    [InlineData("请开发票", "發票")]
    public async Task Zero_width_spaced_or_traditional_text_does_not_slip_past_a_keyword(string message, string keyword)
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        await AddRuleAsync(shop, Rule("kw", All(("buyerMessage", "contains", keyword))));
        var order = PaidOrder(Unique("TB"), (code, 1));
        order["buyerMessage"] = message;

        Assert.Equal("Block", (await DryRunAsync(shop, order))["decision"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task A_stored_version_that_does_not_compile_blocks_orders_for_a_reviewer_until_a_good_version_is_published()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        // As an older build could have stored it: a field the catalogue no longer has.
        await Server.WithDbAsync(async db =>
        {
            db.RuleSetVersions.Add(new RuleSetVersionRecord
            {
                ScopeKind = RuleScopeKind.Shop,
                ScopeId = shop,
                Version = 1,
                Json = """{"rules":[{"id":"old","name":"旧规则","priority":1,"when":{"all":[{"field":"price","operator":"gt","value":1}]},"action":{"type":"Block","reason":"x"}}]}""",
                Change = "import",
                CreatedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        var blocked = await WaitForAsync(await PushPaidOrderAsync(shop, code), bookmark: "Review");
        Assert.Contains("could not be compiled", blocked["instance"]!["blockedReason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(blocked["incidents"]?.AsArray() ?? []);

        var fixedSet = await Client.PostAsJsonAsync($"/api/shops/{shop}/rules:import",
            new JsonObject { ["version"] = 1, ["rules"] = new JsonArray(Rule("new", All(("payment", "gt", 100_000)))) }, ServerFixture.Json);
        Assert.Equal(HttpStatusCode.OK, fixedSet.StatusCode);
        var approved = await WaitForAsync(await PushPaidOrderAsync(shop, code), bookmark: "PickConfirmed");
        var review = approved["journal"]!.AsArray().Last(e => e!["activityType"]!.GetValue<string>() == "ServiceReview" && e["outputs"] is JsonObject)!;
        Assert.Equal(2, review["outputs"]!["ruleSets"]!["shop"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Platform_rules_are_addressed_by_code_or_id()
    {
        var taobao = await Server.WithDbAsync(db => db.Platforms.Where(p => p.Code == "taobao").Select(p => p.Id).FirstAsync());

        var byCode = (await Client.GetFromJsonAsync<JsonObject>("/api/platforms/taobao/rules", ServerFixture.Json))!;
        var byId = (await Client.GetFromJsonAsync<JsonObject>($"/api/platforms/{taobao}/rules", ServerFixture.Json))!;

        Assert.Equal(taobao, byCode["scopeId"]!.GetValue<long>());
        Assert.Equal(byId["version"]!.GetValue<int>(), byCode["version"]!.GetValue<int>());
        var missing = await Client.GetAsync("/api/platforms/no-such-platform/rules");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("no-such-platform", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class SqliteRulesFailSafeApiTests(LifecycleSqliteFixture server) : RulesFailSafeApiTests(server), IClassFixture<LifecycleSqliteFixture>;

public sealed class PostgreSqlRulesFailSafeApiTests(LifecyclePostgreSqlFixture server) : RulesFailSafeApiTests(server), IClassFixture<LifecyclePostgreSqlFixture>;
