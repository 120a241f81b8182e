using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.Orders;
using Orchestrator.Lifecycle.Exceptions;
using Orchestrator.Lifecycle.Providers;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Inventory;
using Orchestrator.Persistence.ReferenceData;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Execution;

namespace Orchestrator.Lifecycle.Activities;

/// <summary>
/// 确认发货: confirms the shipment to the platform with the step's idempotency key and marks the order shipped. Several
/// packages are confirmed one by one as a split shipment (TOP <c>is_split</c> with each package's lines as <c>sub_tid</c>),
/// each under the step's key plus its sequence; stock leaves each package's own warehouse, as reserved. Before a platform
/// is called its packages are committed as <see cref="PackageStatus.Confirming"/>, so a run that finds them so after a
/// crash knows a send may have landed and asks the platform first. The platform holding the order shipped with another
/// tracking number sets the order aside in the exception queue; resolving the entry asks again, and the entry stays open
/// (its detail refreshed) until the platform's answer lets the shipment be confirmed.
/// </summary>
public sealed class ConfirmShipmentActivity : OrderActivity
{
    public const string Bookmark = "Resolved";

    public override ActivityDescriptor Descriptor { get; } = new("ConfirmShipment", Category, "Confirm shipment", [], ["Done"], SuspendsOnBookmark: true,
        Description: "Sends carrier and tracking number to the platform, marks the order shipped and deducts its stock.", CallsOut: true);

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db)
    {
        var (packages, earlierAttempt) = await PrepareAsync(context, order, db);
        return await ConfirmAsync(context, order, db, packages, earlierAttempt);
    }

    /// <summary>Someone resolved the exception-queue entry: ask the platform again; the entry closes only once the shipment is confirmed.</summary>
    protected override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, SalesOrder order, Stimulus stimulus, OrchestratorDbContext db)
    {
        var (packages, earlierAttempt) = await PrepareAsync(context, order, db);
        var result = await ConfirmAsync(context, order, db, packages, earlierAttempt);
        if (order.Status == OrderStatus.Shipped)
        {
            await ExceptionQueueEntries.CloseAsync(db, order.Id, stimulus.Input?["by"]?.ToString(),
                stimulus.Input?["note"]?.ToString() ?? "Resolved: the platform confirmed the shipment.", context.Now, context.CancellationToken);
        }

        return result;
    }

    /// <summary>
    /// The order's packages, and whether a send may have reached the platform before (a package left
    /// <see cref="PackageStatus.Confirming"/>); when none did and the platform will be called, that it is about to is
    /// committed first, on its own: the runtime commits the run before an activity that calls out, so nothing else rides along.
    /// </summary>
    private static async Task<(List<Package> Packages, bool EarlierAttempt)> PrepareAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db)
    {
        var packages = await OrderPackages.LoadAsync(db, order, context.CancellationToken);
        var earlierAttempt = packages.Any(p => p.Status == PackageStatus.Confirming);

        // An order allocated before packages existed has its package made inside a transaction just now: no mark of its
        // own then, and a second send is still caught when the platform refuses it.
        if (!earlierAttempt && db.Database.CurrentTransaction is null && await context.GetRequiredService<IShipmentConfirmer>().SendsToPlatformAsync(order, context.CancellationToken))
        {
            // A unit of work of its own, not a lone save: in a run that shares the database's group commit it is a share
            // of the group (a save outside it would make the open group commit first, and then commit alone); either way
            // it is durable when CommitWorkAsync returns, before the platform hears of the shipment.
            packages.ForEach(p => p.Reach(PackageStatus.Confirming));
            await db.BeginWorkAsync(context.CancellationToken);
            await db.SaveChangesAsync(context.CancellationToken);
            await db.CommitWorkAsync(context.CancellationToken);
        }

        return (packages, earlierAttempt);
    }

    private static async ValueTask<ActivityResult> ConfirmAsync(
        ActivityContext context, SalesOrder order, OrchestratorDbContext db, List<Package> packages, bool earlierAttempt)
    {
        var confirmer = context.GetRequiredService<IShipmentConfirmer>();
        var tracking = order.TrackingNumber
            ?? throw new InvalidOperationException($"Order {order.Id} has no tracking number: it must pass RequestWaybill before ConfirmShipment.");
        var logisticsCode = order.LogisticsCompanyId is { } id
            ? (await context.GetRequiredService<ReferenceDataCache>().CarrierAsync(db, id, context.CancellationToken))?.Company is { } carrier ? carrier.PlatformLogisticsCode ?? carrier.Code : null
            : null;
        try
        {
            if (packages.Count <= 1)
            {
                order.ShippedAt = (await confirmer.ConfirmAsync(order, logisticsCode, tracking, null, context.IdempotencyKey, earlierAttempt, context.CancellationToken)).ConfirmedAt;
            }
            else
            {
                foreach (var package in packages)
                {
                    var lineNos = package.Lines.Select(l => l.LineNo).ToHashSet();
                    var subTids = order.Lines.Where(l => lineNos.Contains(l.LineNo)).Select(l => l.PlatformLineId).OfType<string>().ToList();
                    var number = package.TrackingNumber
                        ?? throw new InvalidOperationException($"Package {package.Sequence} of order {order.Id} has no tracking number: it must pass RequestWaybill first.");
                    order.ShippedAt = (await confirmer.ConfirmAsync(
                        order, logisticsCode, number, subTids, $"{context.IdempotencyKey}:p{package.Sequence}", earlierAttempt, context.CancellationToken)).ConfirmedAt;
                }
            }
        }
        catch (ShipmentConflictException conflict)
        {
            order.ExceptionKind = OrderExceptionKind.PlatformError;
            order.ExceptionDetail = conflict.Message;
            await ExceptionQueueEntries.EnterFromWorkflowAsync(db, order, context.Node.Id, Bookmark, context.Now, context.CancellationToken);
            order.Status = OrderStatus.Exception;
            Touch(order, context);
            return ActivityResult.Wait(Bookmark, new JsonObject { ["reason"] = conflict.Message, ["kind"] = nameof(OrderExceptionKind.PlatformError) });
        }

        packages.ForEach(p => p.Reach(PackageStatus.Shipped));
        order.Status = OrderStatus.Shipped;
        order.ExceptionKind = OrderExceptionKind.None;
        order.ExceptionDetail = null;

        // Seed 001: stock is deducted at ship confirmation (确认发货), from what allocation reserved.
        await context.GetRequiredService<StockLedger>().DeductAsync(order.Id, order.PlatformOrderId, context.Now, context.CancellationToken);
        Touch(order, context);
        return ActivityResult.Follow("Done", new JsonObject { ["trackingNumber"] = tracking, ["logisticsCode"] = logisticsCode, ["packages"] = packages.Count });
    }
}
