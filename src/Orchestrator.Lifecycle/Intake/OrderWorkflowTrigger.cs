using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestrator.Domain.Orders;
using Orchestrator.Lifecycle.Activities;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Intake;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Workflows.Execution;
using Orchestrator.Workflows.Runtime.Definitions;
using Orchestrator.Workflows.Runtime.EntityFramework;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Lifecycle.Intake;

/// <summary>
/// The integration trigger: every new order gets one instance of its shop's workflow (pinned, else <c>sales-order</c>),
/// committed in the same transaction as the order, so neither exists without the other. Later pushes of the same
/// order resume its <c>Paid</c> wait or cancel it when the platform closed the trade.
/// </summary>
public sealed partial class OrderWorkflowTrigger(
    OrchestratorDbContext db, WorkflowDefinitionStore store, DefinitionCache definitions, InstanceWakeups queue, InstanceHandoff handoff, TimeProvider clock,
    ILogger<OrderWorkflowTrigger> logger) : IIntakeObserver
{
    public const string PaidBookmark = "Paid";

    /// <summary>The instances this save creates, with their orders, tracked by the intake's context.</summary>
    private readonly List<WorkflowInstanceRecord> _started = [];

    private OrchestratorDbContext? _context;

    public async Task BeforeSaveAsync(OrchestratorDbContext context, IReadOnlyList<IntakeResult> results, CancellationToken cancellationToken)
    {
        _started.Clear();
        _context = context;
        var created = results
            .Where(r => r.Outcome == IntakeOutcome.Created && r.Order.Status is not (OrderStatus.Shipped or OrderStatus.Cancelled))
            .Select(r => r.Order)
            .ToList();
        if (created.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var shopOrders in created.GroupBy(o => o.ShopId))
        {
            var definition = await DefinitionForShopAsync(context, shopOrders.Key, cancellationToken);
            if (definition is null)
            {
                LogNoWorkflow(logger, shopOrders.Key, shopOrders.Count());
                continue;
            }

            var workflow = await definitions.GetAsync(definition.Id, (_, _) => Task.FromResult<string?>(definition.Json), cancellationToken);
            var stateJson = InstanceRecords.WriteState(FlowchartInterpreter.Create(workflow, new Dictionary<string, JsonNode?>()));
            foreach (var order in shopOrders)
            {
                var instance = new WorkflowInstanceRecord
                {
                    Id = Guid.CreateVersion7(),
                    DefinitionId = definition.DefinitionId,
                    DefinitionVersion = definition.Version,
                    DefinitionRecordId = definition.Id,
                    SalesOrder = order,
                    ShopId = order.ShopId,
                    Status = WorkflowStatus.Running,
                    CurrentActivityId = workflow.StartActivityId,
                    StateJson = stateJson,
                    CreatedAt = now,
                    UpdatedAt = now,
                    Revision = 1,
                };
                context.WorkflowInstances.Add(instance);
                _started.Add(instance);
            }
        }
    }

    public async Task AfterCommitAsync(IReadOnlyList<IntakeResult> results, CancellationToken cancellationToken)
    {
        foreach (var instance in _started)
        {
            OfferTheOrder(instance);
            queue.Run(instance.Id);
        }

        await HoldFlaggedAsync(results, cancellationToken);
        var updated = results.Where(r => r.Outcome == IntakeOutcome.Updated).Select(r => r.Order).ToDictionary(o => o.Id);
        if (updated.Count == 0)
        {
            return;
        }

        var orderIds = updated.Keys.ToList();
        var waiting = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.SalesOrderId != null && orderIds.Contains(i.SalesOrderId.Value)
                && (i.Status == WorkflowStatus.Suspended || i.Status == WorkflowStatus.Running))
            .Select(i => new { i.Id, OrderId = i.SalesOrderId!.Value, i.WaitingFor })
            .ToListAsync(cancellationToken);
        foreach (var instance in waiting)
        {
            var order = updated[instance.OrderId];
            if (order.Status == OrderStatus.Cancelled)
            {
                queue.Enqueue(new WakeRequest(instance.Id, Cancel: true, Reason: $"The platform closed the trade ({order.PlatformStatus})."));
            }
            else if (instance.WaitingFor == PaidBookmark && order.Status != OrderStatus.AwaitingPayment)
            {
                queue.Enqueue(new WakeRequest(instance.Id, Bookmark: PaidBookmark));
            }
        }
    }

    /// <summary>
    /// The first run starts from the order in hand: the grain takes a copy instead of reading it back. Only a saving:
    /// whatever goes wrong here, the run still starts and reads the order itself.
    /// </summary>
    private void OfferTheOrder(WorkflowInstanceRecord instance)
    {
        try
        {
            if (_context is not null && instance.SalesOrder is { } order)
            {
                handoff.Offer(instance, OrderAggregate.Copy(_context, order));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or NullReferenceException or ArgumentException)
        {
            LogHandoffFailed(logger, ex, instance.Id);
        }
    }

    /// <summary>
    /// A platform change after review (refund, closed trade, new address) must reach the floor: the order's instance is
    /// held where it stands, in the exception queue with the change's kind, until a person resolves it.
    /// </summary>
    private async Task HoldFlaggedAsync(IReadOnlyList<IntakeResult> results, CancellationToken cancellationToken)
    {
        var flagged = results.Where(r => r.Outcome == IntakeOutcome.FlaggedAfterReview && r.Order.FlaggedChange is not null)
            .ToDictionary(r => r.Order.Id, r => r.Order.FlaggedChange!);
        if (flagged.Count == 0)
        {
            return;
        }

        var orderIds = flagged.Keys.ToList();
        var instances = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.SalesOrderId != null && orderIds.Contains(i.SalesOrderId.Value) && i.FinishedAt == null)
            .Select(i => new { i.Id, OrderId = i.SalesOrderId!.Value })
            .ToListAsync(cancellationToken);
        foreach (var instance in instances)
        {
            var change = flagged[instance.OrderId];
            var details = new System.Text.Json.Nodes.JsonObject { ["kind"] = change.Kind.ToString(), ["detail"] = change.Detail, ["by"] = "platform" };
            queue.Enqueue(new WakeRequest(instance.Id, Reason: $"{change.Kind}: {change.Detail}", HoldDetailsJson: details.ToJsonString()));
        }
    }

    private async Task<WorkflowDefinitionRecord?> DefinitionForShopAsync(OrchestratorDbContext context, long shopId, CancellationToken cancellationToken)
    {
        var pinned = await context.Shops.AsNoTracking().Where(s => s.Id == shopId).Select(s => s.WorkflowDefinitionId).FirstOrDefaultAsync(cancellationToken);

        // A pin whose definition is not published (any more) falls back to the default lifecycle.
        return (pinned is null ? null : await store.FindPublishedAsync(pinned, cancellationToken))
            ?? await store.FindPublishedAsync(WorkflowDefinitionStore.DefaultDefinitionId, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId}: could not hand its order to the first run, which reads it instead")]
    private static partial void LogHandoffFailed(ILogger logger, Exception exception, Guid instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shop {ShopId}: no published workflow (pinned or 'sales-order'); {Count} new orders were stored without an instance")]
    private static partial void LogNoWorkflow(ILogger logger, long shopId, int count);
}
