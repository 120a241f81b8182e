using System.Text.RegularExpressions;

namespace Orchestrator.Rules;

/// <summary>
/// A condition's expected value, read and normalised once when the rule set compiles. Compiled expressions reach it
/// through <see cref="EvaluationScope"/> by index, so user input never becomes expression text.
/// </summary>
public sealed class ConditionValue
{
    public string Text { get; init; } = "";

    public IReadOnlySet<string> Texts { get; init; } = new HashSet<string>();

    public decimal Number { get; init; }

    public IReadOnlySet<decimal> Numbers { get; init; } = new HashSet<decimal>();

    public decimal Low { get; init; }

    public decimal High { get; init; }

    public bool Flag { get; init; }

    public DateTime Date { get; init; }

    public DateTime DateLow { get; init; }

    public DateTime DateHigh { get; init; }

    public Regex? Pattern { get; init; }
}
