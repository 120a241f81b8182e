using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Workflows.Execution;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Lifecycle.Exceptions;

/// <summary>
/// What holding an order's instance means for the order: an entry in the exception queue with its kind and the stage
/// it left, the order shown as <see cref="OrderStatus.Exception"/>; releasing closes the entry and restores the status.
/// A cancelled instance closes whatever entry its order had open.
/// </summary>
public sealed class ExceptionHolds(OrchestratorDbContext db) : IInstanceHoldHandler, IInstanceCancellationHandler
{
    /// <summary>The hold's details: <c>kind</c> (an <see cref="OrderExceptionKind"/>), <c>detail</c>, <c>by</c>.</summary>
    public static JsonObject HoldDetails(OrderExceptionKind kind, string? detail, string? by) =>
        new() { ["kind"] = kind.ToString(), ["detail"] = detail, ["by"] = by };

    /// <summary>The release's details: <c>by</c> and <c>note</c>.</summary>
    public static JsonObject ReleaseDetails(string? by, string? note) => new() { ["by"] = by, ["note"] = note };

    public async Task OnHeldAsync(WorkflowInstanceRecord instance, JsonObject details, DateTime now, CancellationToken cancellationToken)
    {
        var order = await OrderOfAsync(db, instance, cancellationToken);
        if (!Enum.TryParse<OrderExceptionKind>(details["kind"]?.ToString(), ignoreCase: true, out var kind) || kind == OrderExceptionKind.None)
        {
            throw new StimulusRejectedException($"'{details["kind"]}' is not an exception kind.", "kind");
        }

        if (await ExceptionQueueEntries.OpenEntryAsync(db, order.Id, cancellationToken) is { } open)
        {
            throw new StimulusRejectedException($"Order {order.Id} is already in the exception queue (entry {open.Id}, {open.Kind}).", "orderId");
        }

        var detail = ExceptionQueueEntries.Clip(details["detail"]?.ToString());
        db.ExceptionQueue.Add(new ExceptionQueueEntry
        {
            OrderId = order.Id,
            ShopId = order.ShopId,
            Kind = kind,
            Detail = detail,
            Source = ExceptionSource.Hold,
            Stage = instance.CurrentActivityId ?? "-",
            Bookmark = instance.WaitingFor,
            StatusBefore = order.Status,
            RaisedBy = details["by"]?.ToString(),
            RaisedAt = now,
        });
        order.Status = OrderStatus.Exception;
        order.ExceptionKind = kind;
        order.ExceptionDetail = detail ?? kind.ToString();
        order.UpdatedAt = now;
    }

    public async Task OnReleasedAsync(WorkflowInstanceRecord instance, JsonObject details, DateTime now, CancellationToken cancellationToken)
    {
        var order = await OrderOfAsync(db, instance, cancellationToken);
        var open = await ExceptionQueueEntries.OpenEntryAsync(db, order.Id, cancellationToken);
        if (open is not { Source: ExceptionSource.Hold })
        {
            return;
        }

        open.Resolve(details["by"]?.ToString(), ExceptionQueueEntries.Clip(details["note"]?.ToString() ?? "Resolved"), now);
        order.Status = open.StatusBefore;
        order.ExceptionKind = OrderExceptionKind.None;
        order.ExceptionDetail = null;
        order.UpdatedAt = now;
    }

    public async Task OnCancelledAsync(WorkflowInstanceRecord instance, DateTime now, CancellationToken cancellationToken)
    {
        if (instance.SalesOrderId is { } orderId)
        {
            await ExceptionQueueEntries.CloseAsync(db, orderId, null, "Order cancelled.", now, cancellationToken);
        }
    }

    private static async Task<SalesOrder> OrderOfAsync(OrchestratorDbContext db, WorkflowInstanceRecord instance, CancellationToken cancellationToken) =>
        instance.SalesOrderId is { } orderId
            ? await db.SalesOrders.FirstAsync(o => o.Id == orderId, cancellationToken)
            : throw new StimulusRejectedException($"Instance {instance.Id} runs no order.", "instanceId");
}
