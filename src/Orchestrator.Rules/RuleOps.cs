using System.Text.RegularExpressions;

namespace Orchestrator.Rules;

/// <summary>
/// The operator templates compiled rules call: <c>RuleOps.{Type}{Operator}(facts.{Property}, scope, {index})</c>. The
/// expected value comes from the scope by index, so nothing a user typed is ever parsed as an expression.
/// </summary>
public static class RuleOps
{
    public static bool TextEquals(string? actual, EvaluationScope scope, int i) => TextNormalizer.Normalize(actual) == scope.Value(i).Text;

    public static bool TextNotEquals(string? actual, EvaluationScope scope, int i) => !TextEquals(actual, scope, i);

    public static bool TextIn(string? actual, EvaluationScope scope, int i) => scope.Value(i).Texts.Contains(TextNormalizer.Normalize(actual));

    public static bool TextNotIn(string? actual, EvaluationScope scope, int i) => !TextIn(actual, scope, i);

    public static bool TextContains(string? actual, EvaluationScope scope, int i) =>
        TextNormalizer.Normalize(actual).Contains(scope.Value(i).Text, StringComparison.Ordinal);

    public static bool TextNotContains(string? actual, EvaluationScope scope, int i) => !TextContains(actual, scope, i);

    public static bool TextStartsWith(string? actual, EvaluationScope scope, int i) =>
        TextNormalizer.Normalize(actual).StartsWith(scope.Value(i).Text, StringComparison.Ordinal);

    public static bool TextEndsWith(string? actual, EvaluationScope scope, int i) =>
        TextNormalizer.Normalize(actual).EndsWith(scope.Value(i).Text, StringComparison.Ordinal);

    public static bool TextRegex(string? actual, EvaluationScope scope, int i)
    {
        try
        {
            return scope.Value(i).Pattern!.IsMatch(TextNormalizer.Widen(actual));
        }
        catch (RegexMatchTimeoutException)
        {
            // The evaluation reports it and the rule fails closed (counts as matched unless it approves).
            scope.ReportTimeout(i);
            return false;
        }
    }

    public static bool TextIsEmpty(string? actual, EvaluationScope scope, int i) => string.IsNullOrWhiteSpace(actual);

    public static bool TextIsNotEmpty(string? actual, EvaluationScope scope, int i) => !string.IsNullOrWhiteSpace(actual);

    public static bool NumberEquals(decimal actual, EvaluationScope scope, int i) => actual == scope.Value(i).Number;

    public static bool NumberNotEquals(decimal actual, EvaluationScope scope, int i) => actual != scope.Value(i).Number;

    public static bool NumberIn(decimal actual, EvaluationScope scope, int i) => scope.Value(i).Numbers.Contains(actual);

    public static bool NumberNotIn(decimal actual, EvaluationScope scope, int i) => !scope.Value(i).Numbers.Contains(actual);

    public static bool NumberGt(decimal actual, EvaluationScope scope, int i) => actual > scope.Value(i).Number;

    public static bool NumberGe(decimal actual, EvaluationScope scope, int i) => actual >= scope.Value(i).Number;

    public static bool NumberLt(decimal actual, EvaluationScope scope, int i) => actual < scope.Value(i).Number;

    public static bool NumberLe(decimal actual, EvaluationScope scope, int i) => actual <= scope.Value(i).Number;

    public static bool NumberBetween(decimal actual, EvaluationScope scope, int i) => actual >= scope.Value(i).Low && actual <= scope.Value(i).High;

    public static bool BooleanEquals(bool actual, EvaluationScope scope, int i) => actual == scope.Value(i).Flag;

    public static bool BooleanNotEquals(bool actual, EvaluationScope scope, int i) => actual != scope.Value(i).Flag;

    public static bool DateTimeGt(DateTime? actual, EvaluationScope scope, int i) => actual > scope.Value(i).Date;

    public static bool DateTimeGe(DateTime? actual, EvaluationScope scope, int i) => actual >= scope.Value(i).Date;

    public static bool DateTimeLt(DateTime? actual, EvaluationScope scope, int i) => actual < scope.Value(i).Date;

    public static bool DateTimeLe(DateTime? actual, EvaluationScope scope, int i) => actual <= scope.Value(i).Date;

    public static bool DateTimeBetween(DateTime? actual, EvaluationScope scope, int i) => actual >= scope.Value(i).DateLow && actual <= scope.Value(i).DateHigh;

    public static bool DateTimeIsEmpty(DateTime? actual, EvaluationScope scope, int i) => actual is null;

    public static bool DateTimeIsNotEmpty(DateTime? actual, EvaluationScope scope, int i) => actual is not null;

    public static bool TextListContains(IReadOnlyList<string>? actual, EvaluationScope scope, int i) =>
        actual?.Any(a => TextNormalizer.Normalize(a) == scope.Value(i).Text) == true;

    public static bool TextListNotContains(IReadOnlyList<string>? actual, EvaluationScope scope, int i) => !TextListContains(actual, scope, i);

    public static bool TextListIn(IReadOnlyList<string>? actual, EvaluationScope scope, int i) =>
        actual?.Any(a => scope.Value(i).Texts.Contains(TextNormalizer.Normalize(a))) == true;

    public static bool TextListNotIn(IReadOnlyList<string>? actual, EvaluationScope scope, int i) => !TextListIn(actual, scope, i);

    public static bool TextListIsEmpty(IReadOnlyList<string>? actual, EvaluationScope scope, int i) => actual is null || actual.Count == 0;

    public static bool TextListIsNotEmpty(IReadOnlyList<string>? actual, EvaluationScope scope, int i) => actual is { Count: > 0 };

    /// <summary>The method name the template calls for a field type and operator.</summary>
    public static string MethodFor(FieldType type, string op) => $"{type}{char.ToUpperInvariant(op[0])}{op[1..]}";
}
