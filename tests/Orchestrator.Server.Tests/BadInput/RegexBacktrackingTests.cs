using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.BadInput;

/// <summary>
/// A rule regex built to backtrack runs under a 50 ms timeout: the dry run and the real review finish promptly and count it as
/// no match, saying so; a regex that does not compile is refused when the rule is saved.
/// </summary>
public sealed class RegexBacktrackingTests(LifecycleSqliteFixture server) : BadInputTestBase(server), IClassFixture<LifecycleSqliteFixture>
{
    private const string Evil = "(a+)+$";
    private static readonly string Attack = new string('a', 40) + "!";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [SkippableFact]
    public async Task The_dry_run_times_the_regex_out_and_counts_it_as_no_match()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        await AddRuleAsync(shop, Rule("redos", "buyerMessage", "regex", Evil, name: "回溯"), 0);
        var order = PaidOrder(Unique("TB"), (code, 1));
        order["buyerMessage"] = Attack;

        var clock = Stopwatch.StartNew();
        var result = await DryRunAsync(shop, order);
        clock.Stop();

        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
        Assert.NotEqual("Block", result["decision"]!.GetValue<string>());
        Assert.Empty(result["reasons"]!.AsArray());
        Assert.Contains("timed out", result.ToJsonString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_real_review_finishes_and_the_order_moves_on()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        await AddRuleAsync(shop, Rule("redos", "buyerMessage", "regex", Evil, name: "回溯"), 0);
        var order = PaidOrder(Unique("TB"), (code, 1));
        order["buyerMessage"] = Attack;

        var clock = Stopwatch.StartNew();
        var id = (await PushAsync(shop, order, HttpStatusCode.Created)).Order.Id;
        await WaitForAsync(id, bookmark: "PickConfirmed", seconds: (int)Bound.TotalSeconds * 3);
        clock.Stop();

        Assert.NotEqual("Blocked", (await ReadJsonAsync($"/api/orders/{id}"))["status"]!.GetValue<string>());
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
