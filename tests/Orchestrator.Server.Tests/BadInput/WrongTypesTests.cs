using System.Net;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;
using static Orchestrator.Server.Tests.Infrastructure.RuleJson;

namespace Orchestrator.Server.Tests.BadInput;

/// <summary>Values of the wrong type or out of range, across intake, master data, stock, rules and workflows: a 400 naming the field.</summary>
public sealed class WrongTypesTests(SqliteServerFixture server) : BadInputTestBase(server), IClassFixture<SqliteServerFixture>
{
    /// <summary>JSON path in a paid intake order, the raw JSON put there, the field the 400 must name.</summary>
    public static TheoryData<string, string, string> IntakeCases { get; } = new()
    {
        { "totalFee", "\"three hundred\"", "totalFee" },
        { "payment", "\"NaN\"", "payment" },
        { "payment", "\"Infinity\"", "payment" },
        { "payment", "-1", "payment" },
        { "payment", "1e30", "payment" },
        { "postFee", "[1]", "postFee" },
        { "isCod", "\"sometimes\"", "isCod" },
        { "payTime", "\"yesterday\"", "payTime" },
        { "payTime", "\"2026-13-45T25:61:00\"", "payTime" },
        { "modified", "\"11/11/2026 00:01\"", "modified" },
        { "modified", "1762790462", "modified" },
        { "buyerNick", "42", "buyerNick" },
        { "buyerMessage", "{\"text\":\"hi\"}", "buyerMessage" },
        { "receiver", "\"浙江省杭州市\"", "receiver" },
        { "receiver", "null", "receiver" },
        { "lines", "{\"merchantCode\":\"ANY\",\"quantity\":1}", "lines" },
        { "lines", "[]", "lines" },
        { "lines[0].quantity", "\"two\"", "lines[0].quantity" },
        { "lines[0].quantity", "-5", "lines[0].quantity" },
        { "lines[0].quantity", "0", "lines[0].quantity" },
        { "lines[0].quantity", "100001", "lines[0].quantity" },
        { "lines[0].quantity", "2147483648", "lines[0].quantity" },
        { "lines[0].quantity", "1.5", "lines[0].quantity" },
        { "lines[0].price", "\"-Infinity\"", "lines[0].price" },
        { "receiver.mobile", "13912345678", "receiver.mobile" },
    };

    [SkippableTheory]
    [MemberData(nameof(IntakeCases))]
    public async Task Intake_names_the_field_of_the_wrong_value(string path, string json, string field)
    {
        var shop = await CreateShopAsync();
        var order = PaidOrder(Unique("tid"), ("ANY", 1));
        Set(order, path, JsonNode.Parse(json));

        var problem = await ProblemAsync(await PostOrderAsync(shop.Id, order), HttpStatusCode.BadRequest);
        var batch = await ProblemAsync(
            await PostRawAsync($"/api/shops/{shop.Id}/orders:batch", new JsonObject { ["orders"] = new JsonArray(order.DeepClone()) }.ToJsonString()),
            HttpStatusCode.BadRequest);

        AssertNamesField(problem, field);
        AssertNamesField(batch, $"orders[0].{field}");
        Assert.Equal(0, await CountOrdersAsync(shop.Id));
    }

    [SkippableFact]
    public async Task A_json_literal_NaN_is_not_json_and_names_the_body()
    {
        var shop = await CreateShopAsync();
        var order = PaidOrder(Unique("tid"), ("ANY", 1)).ToJsonString().Replace("\"payment\":180", "\"payment\":NaN", StringComparison.Ordinal);

        var problem = await ProblemAsync(await PostRawAsync($"/api/shops/{shop.Id}/orders", order), HttpStatusCode.BadRequest);

        Assert.True(problem["errors"]!.AsObject().Any(e => e.Key is "body" or "payment"), problem.ToJsonString());
        Assert.Equal(0, await CountOrdersAsync(shop.Id));
    }

    [SkippableFact]
    public async Task Master_data_stock_rules_and_workflows_name_the_field_of_the_wrong_value()
    {
        var shop = await CreateShopAsync();
        var goods = new JsonObject { ["merchantCode"] = Unique("G"), ["name"] = "茶", ["weightKg"] = "heavy", ["price"] = 1, ["isEnabled"] = true };
        var negativePrice = new JsonObject { ["merchantCode"] = Unique("G"), ["name"] = "茶", ["weightKg"] = 1, ["price"] = -1, ["isEnabled"] = true };
        var shopWithNumberName = new JsonObject { ["code"] = Unique("S"), ["name"] = 12345, ["platform"] = "taobao" };
        var rule = Rule("typed", "payment", "gt", 100);
        rule["priority"] = "high";
        var ruleAsArray = new JsonObject { ["version"] = 0, ["rule"] = new JsonArray() };
        var definition = TestWorkflows.Valid(Unique("wt").ToLowerInvariant());
        definition["root"]!["activities"] = new JsonObject { ["id"] = "start" };
        var before = await CountRowsAsync();

        AssertNamesField(await ProblemAsync(await PostRawAsync("/api/goods", goods.ToJsonString()), HttpStatusCode.BadRequest), "weightKg");
        AssertNamesField(await ProblemAsync(await PostRawAsync("/api/goods", negativePrice.ToJsonString()), HttpStatusCode.BadRequest), "price");
        AssertNamesField(await ProblemAsync(await PostRawAsync("/api/shops", shopWithNumberName.ToJsonString()), HttpStatusCode.BadRequest), "name");
        AssertNamesField(await ProblemAsync(await PostRawAsync("/api/warehouses/1/stock:adjust", "{\"reason\":\"r\",\"items\":{\"merchantCode\":\"A\",\"delta\":1}}"), HttpStatusCode.BadRequest), "items");
        AssertNamesField(await ProblemAsync(await PostRawAsync("/api/warehouses/1/stock:adjust", "{\"reason\":\"r\",\"items\":[{\"merchantCode\":\"A\",\"delta\":\"lots\"}]}"), HttpStatusCode.BadRequest), "items[0].delta");
        AssertNamesField(await ProblemAsync(await PostRuleAsync(shop.Id, rule, 0), HttpStatusCode.BadRequest), "rule.priority");
        AssertNamesField(await ProblemAsync(await PostRawAsync($"/api/shops/{shop.Id}/rules", ruleAsArray.ToJsonString()), HttpStatusCode.BadRequest), "rule");
        AssertNamesField(await ProblemAsync(await PostRawAsync("/api/workflow-definitions:import", definition.ToJsonString()), HttpStatusCode.BadRequest), "root.activities");
        Assert.Equal(before, await CountRowsAsync());
        await AssertStillServesAsync();
    }

    // Sets a value at "a", "a.b" or "lines[0].b" in the order.
    private static void Set(JsonObject order, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        JsonNode target = order;
        foreach (var part in parts[..^1])
        {
            target = part.EndsWith(']') ? target[part[..part.IndexOf('[')]]![int.Parse(part[(part.IndexOf('[') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]! : target[part]!;
        }

        target[parts[^1]] = value;
    }
}
