using System.Net;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;
using static Orchestrator.Server.Tests.Infrastructure.RuleJson;

namespace Orchestrator.Server.Tests.BadInput;

/// <summary>JSON nested 10,000 deep, or just past the API's 32 levels, is a 400: never a stack overflow, a 500 or an instance that no longer loads.</summary>
public sealed class DeepNestingTests(LifecycleSqliteFixture server) : BadInputTestBase(server), IClassFixture<LifecycleSqliteFixture>
{
    private const int Depth = 10_000;

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Deep_json_in_intake_text_fields_and_the_body_itself_is_a_400(bool objects)
    {
        var shop = await CreateShopAsync();
        var order = PaidOrder(Unique("tid"), ("ANY", 1)).ToJsonString();
        var deep = Nested(Depth, objects);
        var before = await CountRowsAsync();

        var inNick = await PostRawAsync($"/api/shops/{shop.Id}/orders", order.Replace("\"buyerNick\":", $"\"buyerNick\":{deep},\"x\":", StringComparison.Ordinal));
        var inLine = await PostRawAsync($"/api/shops/{shop.Id}/orders", order.Replace("\"title\":", $"\"title\":{deep},\"x\":", StringComparison.Ordinal));
        var asBody = await PostRawAsync($"/api/shops/{shop.Id}/orders", deep);
        var inBatch = await PostRawAsync($"/api/shops/{shop.Id}/orders:batch", $"{{\"orders\":{deep}}}");

        AssertNamesOneOf(await ProblemAsync(inNick, HttpStatusCode.BadRequest), "buyerNick", "body");
        AssertNamesOneOf(await ProblemAsync(inLine, HttpStatusCode.BadRequest), "lines[0].title", "body");
        AssertNamesField(await ProblemAsync(asBody, HttpStatusCode.BadRequest), "body");
        AssertNamesOneOf(await ProblemAsync(inBatch, HttpStatusCode.BadRequest), "orders", "orders[0]", "body");
        Assert.Equal(before, await CountRowsAsync());
        await AssertStillServesAsync();
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Deep_json_in_a_workflow_activity_input_is_a_400_and_stores_no_definition(bool objects)
    {
        var id = Unique("deep").ToLowerInvariant();
        var definition = TestWorkflows.Valid(id).ToJsonString();
        var deep = definition.Replace("\"type\":\"Finish\"", $"\"type\":\"Finish\",\"label\":{Nested(Depth, objects)}", StringComparison.Ordinal);
        var before = await CountRowsAsync();

        var imported = await PostRawAsync("/api/workflow-definitions:import", deep);
        var saved = await SendRawAsync(HttpMethod.Put, $"/api/workflow-definitions/{id}/draft", deep);

        AssertNamesOneOf(await ProblemAsync(imported, HttpStatusCode.BadRequest), "root.activities[1].label", "body");
        AssertNamesOneOf(await ProblemAsync(saved, HttpStatusCode.BadRequest), "root.activities[1].label", "body");
        Assert.Equal(before, await CountRowsAsync());
        await ProblemAsync(await Client.GetAsync($"/api/workflow-definitions/{id}"), HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task Deep_json_in_a_rule_condition_is_a_400_and_publishes_no_version()
    {
        var shop = await CreateShopAsync();
        var rule = Rule("deep", "buyerMessage", "contains", "PLACEHOLDER").ToJsonString();
        var before = await CountRowsAsync();

        var asValue = await PostRawAsync($"/api/shops/{shop.Id}/rules", $"{{\"version\":0,\"rule\":{rule.Replace("\"PLACEHOLDER\"", Nested(Depth, objects: false), StringComparison.Ordinal)}}}");
        var asGroup = await PostRawAsync($"/api/shops/{shop.Id}/rules",
            $"{{\"version\":0,\"rule\":{rule.Replace("{\"all\":", string.Concat(Enumerable.Repeat("{\"all\":[", Depth)) + "{\"all\":", StringComparison.Ordinal).Replace("}]}", "}]}" + string.Concat(Enumerable.Repeat("]}", Depth)), StringComparison.Ordinal)}}}");

        AssertNamesOneOf(await ProblemAsync(asValue, HttpStatusCode.BadRequest), "rule.when.all[0].value", "body");
        AssertNamesOneOf(await ProblemAsync(asGroup, HttpStatusCode.BadRequest), "rule.when", "rule.when.all[0]", "body");
        Assert.Equal(before, await CountRowsAsync());
        Assert.Equal(0, (await ReadJsonAsync($"/api/shops/{shop.Id}/rules"))["version"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Rule_groups_nested_past_the_rule_limit_but_within_json_depth_are_refused_naming_the_group()
    {
        var shop = await CreateShopAsync();
        JsonNode when = new JsonObject { ["field"] = "buyerMessage", ["operator"] = "contains", ["value"] = "发票" };
        for (var i = 0; i < 10; i++)
        {
            when = new JsonObject { ["all"] = new JsonArray(when) };
        }

        var rule = Rule("nested", "buyerMessage", "contains", "x");
        rule["when"] = when;

        var problem = await ProblemAsync(await PostRuleAsync(shop.Id, rule, 0), HttpStatusCode.BadRequest);

        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.StartsWith("rule", StringComparison.Ordinal) || e.Key.StartsWith("rules", StringComparison.Ordinal));
        Assert.Contains("nest", problem.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [SkippableTheory]
    [InlineData(30, HttpStatusCode.OK, "Scanned")]
    [InlineData(33, HttpStatusCode.BadRequest, "PickConfirmed")]
    [InlineData(63, HttpStatusCode.BadRequest, "PickConfirmed")]
    public async Task A_stimulus_past_32_levels_is_refused_and_one_within_them_is_taken_and_the_instance_stays_readable(
        int depth, HttpStatusCode expected, string waitsFor)
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var id = (await PushAsync(shop, PaidOrder(Unique("TB"), (code, 1)), HttpStatusCode.Created)).Order.Id;
        var instance = InstanceId(await WaitForAsync(id, bookmark: "PickConfirmed"));
        var payload = $"{{\"note\":{Nested(depth - 1, objects: false)}}}";

        var resumed = await PostRawAsync($"/api/workflow-instances/{instance}/bookmarks/PickConfirmed:resume", payload);
        var floor = await PostRawAsync($"/api/orders/{id}/verify:scan", payload);

        Assert.True(resumed.StatusCode == expected, $"{resumed.StatusCode}: {await resumed.Content.ReadAsStringAsync()}");
        if (expected == HttpStatusCode.BadRequest)
        {
            AssertNamesField(await ProblemAsync(resumed, HttpStatusCode.BadRequest), "body");
            AssertNamesField(await ProblemAsync(floor, HttpStatusCode.BadRequest), "body");
        }

        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/workflow-instances/{instance}")).StatusCode);
        await WaitForAsync(id, bookmark: waitsFor);
    }

    private static void AssertNamesOneOf(JsonObject problem, params string[] fields) =>
        Assert.True(fields.Any(f => problem["errors"]?.AsObject().ContainsKey(f) == true), $"Expected an error for one of {string.Join(", ", fields)} in {problem.ToJsonString()}");
}
