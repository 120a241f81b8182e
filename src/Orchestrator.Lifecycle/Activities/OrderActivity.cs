using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Execution;

namespace Orchestrator.Lifecycle.Activities;

/// <summary>
/// An activity of the sales-order lifecycle. It changes the order through the step's database context without
/// saving: the runtime commits those changes together with the step, so a replayed step never applies them twice.
/// </summary>
public abstract class OrderActivity : IActivity
{
    public const string Category = "Sales order";

    public abstract ActivityDescriptor Descriptor { get; }

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var db = context.GetRequiredService<OrchestratorDbContext>();

        // The steps of one run share the context, and the runtime keeps the committed order tracked between them
        // (InstanceCommit), so only the run's first step loads it (three indexed queries with its lines and items; one
        // query nesting them is slower on SQLite, which does not flatten the LEFT JOIN and scans every order line).
        var order = db.Tracked<SalesOrder>(context.OrderId)
            ?? await db.SalesOrders.AsSplitQuery().FirstOrDefaultAsync(o => o.Id == context.OrderId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Order {context.OrderId} no longer exists.");
        return context.Stimulus is { } stimulus
            ? await ResumeAsync(context, order, stimulus, db)
            : await RunAsync(context, order, db);
    }

    protected abstract ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db);

    protected virtual ValueTask<ActivityResult> ResumeAsync(ActivityContext context, SalesOrder order, Stimulus stimulus, OrchestratorDbContext db) =>
        throw new InvalidOperationException($"{Descriptor.TypeName} does not wait, so it cannot be resumed.");

    protected static void Touch(SalesOrder order, ActivityContext context) => order.UpdatedAt = context.Now;
}
