using Microsoft.EntityFrameworkCore;

namespace Orchestrator.Persistence.Diagnostics;

/// <summary>
/// A save interceptor that must see some rows saved: the audit trail (what it records), the reference-data cache (master
/// data), the grains' held aggregates (another instance's rows). A context that writes rows by statements of its own
/// (<see cref="OrchestratorDbContext.WritesDirectly"/>) leaves every row some watcher watches to EF's save, where the
/// interceptors see it. Asked after change detection, for rows added or modified.
/// </summary>
public interface ISaveWatcher
{
    /// <summary>True when saving <paramref name="row"/>'s changes in <paramref name="context"/> must pass through this interceptor.</summary>
    bool Watches(DbContext context, object row);
}
