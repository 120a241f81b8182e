namespace Orchestrator.Persistence.Integrations;

/// <summary>A shop's scheduled pull: how often, and the cursor where the next pull starts (it moves only after intake committed).</summary>
public sealed class ShopPullState
{
    public long ShopId { get; set; }

    /// <summary>Minutes between scheduled pulls; null or 0 means no schedule (pull-now still works).</summary>
    public int? IntervalMinutes { get; set; }

    /// <summary>Where the next pull's window starts (last successful <c>until</c> minus the overlap); null: from the configured look-back.</summary>
    public DateTime? Cursor { get; set; }

    public DateTime? LastRunAt { get; set; }

    public DateTime? LastSuccessAt { get; set; }

    /// <summary>Why the last run failed; cleared by the next success.</summary>
    public string? LastError { get; set; }

    /// <summary>Failed runs since the last success.</summary>
    public int ConsecutiveFailures { get; set; }

    /// <summary>Orders the last successful run handed to intake.</summary>
    public int LastOrdersTaken { get; set; }

    public long TotalOrdersTaken { get; set; }

    /// <summary>Trades the last successful run refused (see <c>PullRefusals</c> for which and why).</summary>
    public int LastOrdersRefused { get; set; }

    public long TotalOrdersRefused { get; set; }
}
