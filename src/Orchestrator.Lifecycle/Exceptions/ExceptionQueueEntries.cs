using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;

namespace Orchestrator.Lifecycle.Exceptions;

/// <summary>
/// Opens and closes an order's entries in the exception queue (异常队列) through a step's or a hold's context, without
/// saving: the entry commits with the step that set the order aside or brought it back.
/// </summary>
public static class ExceptionQueueEntries
{
    /// <summary>The order's open entry, from the context's tracked changes first (a step may have opened it just now).</summary>
    public static async Task<ExceptionQueueEntry?> OpenEntryAsync(OrchestratorDbContext db, long orderId, CancellationToken cancellationToken) =>
        db.TrackedWhere<ExceptionQueueEntry>(e => e.OrderId == orderId && e.IsOpen).FirstOrDefault()
        ?? await db.ExceptionQueue.FirstOrDefaultAsync(e => e.OrderId == orderId && e.ResolvedAt == null, cancellationToken);

    /// <summary>
    /// Records that the workflow set the order aside at <paramref name="stage"/>, waiting on <paramref name="bookmark"/>,
    /// raised by <paramref name="raisedBy"/> (the person whose decision sent it there, else the workflow).
    /// An entry the same wait left open (the order looped back to it) is kept, not duplicated.
    /// </summary>
    public static async Task<ExceptionQueueEntry> EnterFromWorkflowAsync(
        OrchestratorDbContext db, SalesOrder order, string stage, string bookmark, DateTime now, CancellationToken cancellationToken, string? raisedBy = null)
    {
        var kind = order.ExceptionKind == OrderExceptionKind.None ? OrderExceptionKind.Other : order.ExceptionKind;
        if (await OpenEntryAsync(db, order.Id, cancellationToken) is { } open)
        {
            if (open.Source == ExceptionSource.Workflow && open.Stage == stage)
            {
                open.Kind = kind;
                open.Detail = Clip(order.ExceptionDetail);
                return open;
            }

            open.Resolve("workflow", $"Superseded: the workflow moved the order on to {stage}.", now);
        }

        var entry = new ExceptionQueueEntry
        {
            OrderId = order.Id,
            ShopId = order.ShopId,
            Kind = kind,
            Detail = Clip(order.ExceptionDetail),
            Source = ExceptionSource.Workflow,
            Stage = stage,
            Bookmark = bookmark,
            StatusBefore = order.Status,
            RaisedBy = raisedBy ?? "workflow",
            RaisedAt = now,
        };
        db.ExceptionQueue.Add(entry);
        return entry;
    }

    /// <summary>Closes the order's open entry, if any (and, when <paramref name="kind"/> is given, only of that kind).</summary>
    public static async Task<ExceptionQueueEntry?> CloseAsync(
        OrchestratorDbContext db, long orderId, string? by, string resolution, DateTime now, CancellationToken cancellationToken, OrderExceptionKind? kind = null)
    {
        var open = await OpenEntryAsync(db, orderId, cancellationToken);
        if (open is null || (kind is { } only && open.Kind != only))
        {
            return null;
        }

        open.Resolve(by, Clip(resolution), now);
        return open;
    }

    public static string? Clip(string? text) => text is { Length: > 2000 } ? text[..2000] : text;
}
