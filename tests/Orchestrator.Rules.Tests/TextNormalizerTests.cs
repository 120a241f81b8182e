using Orchestrator.Rules;
using static Orchestrator.Rules.Tests.RuleBuilder;

namespace Orchestrator.Rules.Tests;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("退\u200B款", "退款")]
    [InlineData("退 款", "退款")]
    [InlineData("退\u3000\u3000款", "退款")]
    [InlineData("\uFEFF退\u200D款\u00AD", "退款")]
    [InlineData("發票", "发票")]
    [InlineData("請開發票", "请开发票")]
    [InlineData("ＡＢＣ　１２３", "abc 123")]
    [InlineData("  free   gift  ", "free gift")]
    [InlineData("顺丰 SF", "顺丰sf")]
    public void Text_that_means_the_same_compares_the_same(string text, string normalized) =>
        Assert.Equal(normalized, TextNormalizer.Normalize(text));

    [Theory]
    [InlineData("\uD800")]
    [InlineData("a\uDC00b")]
    [InlineData("\uD83D")]
    public void Broken_text_never_throws(string text) => Assert.Contains('\uFFFD', TextNormalizer.Normalize(text));

    [Theory]
    [InlineData("退\u200B款")]
    [InlineData("退 款")]
    [InlineData("申請退款")]
    public void A_keyword_rule_cannot_be_slipped_past_with_spaces_zero_width_or_traditional_characters(string message) =>
        Assert.True(Matches(new OrderFacts { BuyerMessage = message }, "buyerMessage", "contains", "退款"));

    [Fact]
    public void Traditional_keywords_in_a_rule_match_simplified_messages_too()
    {
        Assert.True(Matches(new OrderFacts { BuyerMessage = "请开发票" }, "buyerMessage", "contains", "發票"));
        Assert.True(Matches(new OrderFacts { BuyerMessage = "請開發票" }, "buyerMessage", "regex", "发票$"));
    }
}
