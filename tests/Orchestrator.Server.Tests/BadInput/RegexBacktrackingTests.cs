using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;
using static Orchestrator.Server.Tests.Infrastructure.RuleJson;

namespace Orchestrator.Server.Tests.BadInput;

/// <summary>
/// A rule regex built to backtrack cannot hold up review: nested quantifiers run on the linear-time engine and answer at once;
/// a pattern that needs backtracking (a back-reference) runs under a 50 ms timeout, and when it times out the rule fails
/// closed: the order is blocked for a reviewer with the reason, never approved. A regex that does not compile is refused
/// when the rule is saved.
/// </summary>
public sealed class RegexBacktrackingTests(LifecycleSqliteFixture server) : BadInputTestBase(server), IClassFixture<LifecycleSqliteFixture>
{
    private const string NestedQuantifiers = "(a+)+$";
    private const string NeedsBacktracking = @"^(a+)+\1$";
    private static readonly string Attack = new string('a', 900) + "!";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [SkippableFact]
    public async Task Nested_quantifiers_answer_a_clean_no_match_on_the_linear_engine()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        await AddRuleAsync(shop, Rule("redos", "buyerMessage", "regex", NestedQuantifiers, name: "回溯"), 0);
        var order = PaidOrder(Unique("TB"), (code, 1));
        order["buyerMessage"] = Attack;

        var clock = Stopwatch.StartNew();
        var result = await DryRunAsync(shop, order);
        clock.Stop();

        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
        Assert.Equal("Approve", result["decision"]!.GetValue<string>());
        Assert.Empty(result["shop"]!["warnings"]!.AsArray());
    }

    [SkippableFact]
    public async Task The_dry_run_blocks_when_the_regex_times_out_and_says_why()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        await AddRuleAsync(shop, Rule("redos", "buyerMessage", "regex", NeedsBacktracking, name: "回溯"), 0);
        var order = PaidOrder(Unique("TB"), (code, 1));
        order["buyerMessage"] = Attack;

        var result = await DryRunAsync(shop, order);

        Assert.Equal("Block", result["decision"]!.GetValue<string>());
        var reason = Assert.Single(result["reasons"]!.AsArray())!.GetValue<string>();
        Assert.StartsWith("rule «回溯» could not be evaluated", reason, StringComparison.Ordinal);
        Assert.Contains("timed out", reason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_real_review_blocks_the_order_for_a_reviewer_and_journals_the_warning()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        await AddRuleAsync(shop, Rule("redos", "buyerMessage", "regex", NeedsBacktracking, name: "回溯"), 0);
        var order = PaidOrder(Unique("TB"), (code, 1));
        order["buyerMessage"] = Attack;

        var clock = Stopwatch.StartNew();
        var id = (await PushAsync(shop, order, HttpStatusCode.Created)).Order.Id;
        await WaitForAsync(id, bookmark: "Review", seconds: (int)Bound.TotalSeconds * 3);
        clock.Stop();

        var stored = await ReadJsonAsync($"/api/orders/{id}");
        Assert.Equal("Blocked", stored["status"]!.GetValue<string>());
        Assert.Contains("could not be evaluated", stored["blockReason"]!.GetValue<string>(), StringComparison.Ordinal);
        var journal = (await InstanceOfOrderAsync(id))["journal"]!.AsArray();
        var review = journal.Last(e => e!["activityType"]!.GetValue<string>() == "ServiceReview" && e["outputs"] is JsonObject)!;
        Assert.Contains("timed out", review["outputs"]!["warnings"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, review["outputs"]!["ruleSets"]!["shop"]!.GetValue<int>());
        Assert.True(clock.Elapsed < Bound * 3, $"took {clock.Elapsed}");
    }

    [SkippableTheory]
    [InlineData("(")]
    [InlineData("[a-")]
    [InlineData("a{2,1}")]
    [InlineData("(?<x>a)\\k<y>")]
    public async Task A_regex_that_does_not_compile_is_refused_naming_the_value(string pattern)
    {
        var shop = await CreateReadyShopAsync();
        var before = await CountRowsAsync();

        var problem = await ProblemAsync(await PostRuleAsync(shop, Rule("bad", "buyerMessage", "regex", pattern), 0), HttpStatusCode.BadRequest);

        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.EndsWith("when.all[0].value", StringComparison.Ordinal));
        Assert.Contains("regular expression", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountRowsAsync());
    }

    [SkippableFact]
    public async Task A_regex_value_that_is_not_text_is_refused()
    {
        var shop = await CreateReadyShopAsync();

        var problem = await ProblemAsync(await PostRuleAsync(shop, Rule("bad", "buyerMessage", "regex", new JsonArray("a")), 0), HttpStatusCode.BadRequest);

        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.EndsWith("when.all[0].value", StringComparison.Ordinal));
    }
}
