using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Orders;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Workflows.Runtime.EntityFramework;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Lifecycle.Activities;

/// <summary>
/// What the lifecycle's activities work on: the order with its lines and items, and its packages with their lines.
/// A grain holds them between runs; they are still current when the order's version and its packages' versions, count
/// and highest id are what the database has. Every change to the order, a line, an item, a package or a package line
/// moves one of those (<see cref="OrchestratorDbContext"/> bumps the version of the row holding a changed child), and
/// package ids only grow, so an edit, a split or a new package made anywhere else is seen.
/// </summary>
public sealed class OrderAggregate : IInstanceAggregate
{
    public bool Holds(object row) => row is SalesOrder or SalesOrderLine or SalesOrderLineItem or Package or PackageLine;

    public long? KeyOf(WorkflowInstanceRecord instance) => instance.SalesOrderId;

    /// <summary>A line's item or a package's line moves its line's order or its package, saved with it: those say.</summary>
    public long? KeyOf(object row) => row switch
    {
        SalesOrder order => order.Id,
        SalesOrderLine line => line.OrderId,
        Package package => package.OrderId,
        _ => null,
    };

    public async Task<bool> IsCurrentAsync(
        OrchestratorDbContext db, WorkflowInstanceRecord instance, IReadOnlyList<object> held, CancellationToken cancellationToken)
    {
        if (instance.SalesOrderId is not { } orderId || held.OfType<SalesOrder>().FirstOrDefault(o => o.Id == orderId) is not { } order)
        {
            return false;
        }

        var stored = await OrderStamps.ReadAsync(db, orderId, cancellationToken);
        if (stored is null || stored.OrderVersion != order.Version)
        {
            return false;
        }

        // A run that never loaded the packages holds none: the next one that needs them loads them (all of them).
        var packages = held.OfType<Package>().Where(p => p.OrderId == orderId).ToList();
        return packages.Count == 0
            || (packages.Count == stored.Packages && packages.Sum(p => p.Version) == stored.PackageVersions && packages.Max(p => p.Id) == stored.LastPackageId);
    }

    /// <summary>
    /// Copies of a committed order with its lines and items, as <paramref name="context"/> tracks them (values the
    /// database generated included), that no context tracks: what the code that created the order hands its instance's
    /// first run (<see cref="InstanceHandoff"/>) while it goes on using its own.
    /// </summary>
    public static List<object> Copy(DbContext context, SalesOrder order)
    {
        var rows = new List<object>();
        var copy = (SalesOrder)context.Entry(order).CurrentValues.ToObject();
        rows.Add(copy);
        copy.Lines = [];
        foreach (var line in order.Lines)
        {
            var lineCopy = (SalesOrderLine)context.Entry(line).CurrentValues.ToObject();
            lineCopy.Items = [.. line.Items.Select(item => (SalesOrderLineItem)context.Entry(item).CurrentValues.ToObject())];
            copy.Lines.Add(lineCopy);
            rows.Add(lineCopy);
            rows.AddRange(lineCopy.Items);
        }

        return rows;
    }
}
