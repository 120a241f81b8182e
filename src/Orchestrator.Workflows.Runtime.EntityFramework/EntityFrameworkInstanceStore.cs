using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orchestrator.Persistence;
using Orchestrator.Persistence.GroupCommit;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Workflows.Execution;
using Orchestrator.Workflows.Runtime.Hosting;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Workflows.Runtime.EntityFramework;

/// <summary>
/// The runtime's store on EF Core: the scope's <see cref="OrchestratorDbContext"/>, which the run's activities and a
/// hold's handlers save into too, so that what they changed commits with the step.
/// </summary>
internal sealed class EntityFrameworkInstanceStore(
    OrchestratorDbContext db, AggregateWrites writes, IOptions<RuntimeOptions> options, IServiceProvider scope) : IWorkflowInstanceStore
{
    public Task<WorkflowInstanceRecord?> FindAsync(Guid instanceId, CancellationToken cancellationToken) =>
        db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken);

    public async Task<IReadOnlyList<Guid>> FindUnfinishedAsync(CancellationToken cancellationToken) =>
        await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.Status == WorkflowStatus.Running || (i.Status == WorkflowStatus.Suspended && i.NextWakeAt != null))
            .OrderBy(i => i.CreatedAt)
            .Select(i => i.Id)
            .ToListAsync(cancellationToken);

    public Task<string?> FindDefinitionJsonAsync(long definitionRecordId, CancellationToken cancellationToken) =>
        db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.Id == definitionRecordId)
            .Select(d => d.Json)
            .SingleOrDefaultAsync(cancellationToken);

    public Task ResolveIncidentsAsync(Guid instanceId, DateTime now, CancellationToken cancellationToken) =>
        db.WorkflowIncidents.Where(i => i.InstanceId == instanceId && i.ResolvedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.ResolvedAt, now), cancellationToken);

    public async Task<IInstanceRun> BeginRunAsync(WorkflowInstanceRecord instance, InstanceState state, HeldAggregate? held, CancellationToken cancellationToken)
    {
        // Its commits share the database's group commit where there is one (SQLite, PostgreSQL): many runs' steps, one commit.
        db.GroupCommit = scope.GetService<IGroupCommit>();
        var aggregate = scope.GetService<IInstanceAggregate>();

        // Its edited rows and leaf inserts are written by prepared statements, not EF's update pipeline (PreparedWrites).
        var settings = options.Value;
        db.WritesDirectly = settings.PreparedWrites;
        var writesBefore = await AttachHeldAsync(instance, aggregate, held, cancellationToken);
        var run = settings.DeferStepWrites
            ? new RunTransaction(db, aggregate, InstanceRecords.WriteState(state), settings.StockAtCommit)
            : new RunTransaction(db, aggregate);
        run.WritesBefore = writesBefore;
        return run;
    }

    public Task<WorkflowInstanceRecord> CommitAsync(WorkflowInstanceRecord stored, InstanceState state, StepReport report, DateTime now, CancellationToken cancellationToken) =>
        InstanceCommit.CommitAsync(db, stored, state, report, now, cancellationToken);

    /// <summary>
    /// Hands the run the aggregate held since the instance's last run when it is still what the database has: known
    /// without asking when nobody else has saved to it since (<see cref="AggregateWrites"/>), otherwise by one version
    /// query instead of loading it; when it is not, the run's first step loads it. Returns others' saves to the
    /// aggregate counted before anything of it was read.
    /// </summary>
    private async Task<long?> AttachHeldAsync(WorkflowInstanceRecord instance, IInstanceAggregate? aggregate, HeldAggregate? held, CancellationToken cancellationToken)
    {
        if (aggregate is null || aggregate.KeyOf(instance) is not { } key)
        {
            return null;
        }

        writes.Own(db, key);
        var count = writes.Count(key);
        if (held is null || (count is null || count != held.Writes) && !await aggregate.IsCurrentAsync(db, instance, held.Rows, cancellationToken))
        {
            return count;
        }

        foreach (var row in held.Rows)
        {
            db.Entry(row).State = EntityState.Unchanged;
        }

        return count;
    }
}
