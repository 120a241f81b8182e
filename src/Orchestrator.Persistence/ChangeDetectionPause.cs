using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Orchestrator.Persistence;

/// <summary>
/// Turns EF's automatic change detection off until disposed, then back to what it was: for code that has just detected
/// changes (or knows nothing changed) and would otherwise pay a pass over every tracked row for each look at the entries.
/// </summary>
public readonly struct ChangeDetectionPause : IDisposable
{
    private readonly ChangeTracker _tracker;
    private readonly bool _was;

    private ChangeDetectionPause(ChangeTracker tracker)
    {
        _tracker = tracker;
        _was = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
    }

    public static ChangeDetectionPause Of(ChangeTracker tracker) => new(tracker);

    public void Dispose() => _tracker.AutoDetectChangesEnabled = _was;
}
