namespace Orchestrator.Persistence.Audit;

/// <summary>The summary a stock figure's audit entry carries: the movement's reason and document.</summary>
public static class StockAudit
{
    public static string Summary(string reason, string? reference)
    {
        var summary = reference is null ? reason : $"{reason} ({reference})";
        return summary.Length <= 500 ? summary : summary[..500];
    }
}
