namespace Orchestrator.Rules;

/// <summary>One evaluation's view of the compiled values (by condition index) and the regexes that timed out in it.</summary>
public sealed class EvaluationScope(IReadOnlyList<ConditionValue> values)
{
    private readonly List<int> _timedOut = [];

    public ConditionValue Value(int index) => values[index];

    public IReadOnlyList<int> TimedOut => _timedOut;

    internal void ReportTimeout(int index)
    {
        lock (_timedOut)
        {
            _timedOut.Add(index);
        }
    }
}
