using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Orders;
using Orchestrator.Lifecycle.Exceptions;
using Orchestrator.Lifecycle.Providers;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Inventory;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Execution;

namespace Orchestrator.Lifecycle.Activities;

/// <summary>缺货拦截: InStock when every line can be reserved or the shop allows out-of-stock orders; else OutOfStock into the exception queue.</summary>
public sealed class OutOfStockCheckActivity : OrderActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("OutOfStockCheck", Category, "Out-of-stock check", [], ["InStock", "OutOfStock"],
        Description: "Intercepts orders whose lines cannot be reserved (缺货拦截) unless the shop allows out-of-stock (允许缺货).");

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db)
    {
        var stock = context.GetRequiredService<IStockAvailability>();
        var shortages = await stock.ShortagesAsync(order, context.CancellationToken);
        var allowOutOfStock = await db.Shops.Where(s => s.Id == order.ShopId).Select(s => s.AllowOutOfStock).FirstAsync(context.CancellationToken);
        if (shortages.Count == 0 || allowOutOfStock)
        {
            if (order.ExceptionKind == OrderExceptionKind.OutOfStock)
            {
                order.ExceptionKind = OrderExceptionKind.None;
                order.ExceptionDetail = null;
                order.Status = OrderStatus.PendingReview;
                Touch(order, context);
                await ExceptionQueueEntries.CloseAsync(db, order.Id, null, "In stock again.", context.Now, context.CancellationToken, OrderExceptionKind.OutOfStock);
            }

            return ActivityResult.Follow("InStock", shortages.Count == 0 ? null : new JsonObject { ["allowedOutOfStock"] = shortages.Count });
        }

        var detail = "缺货 (out of stock): " + string.Join(", ", shortages.Select(s => $"line {s.LineNo} {s.MerchantCode} wants {s.Wanted}, {s.Available} available"));
        order.Status = OrderStatus.Exception;
        order.ExceptionKind = OrderExceptionKind.OutOfStock;
        order.ExceptionDetail = detail;
        Touch(order, context);
        return ActivityResult.Follow("OutOfStock", new JsonObject { ["detail"] = detail });
    }
}

/// <summary>Waits in the exception queue on <c>StockAvailable</c>; a stock arrival (or a person) resumes it to check again.</summary>
public sealed class AwaitStockActivity : OrderActivity
{
    public const string Bookmark = "StockAvailable";

    public override ActivityDescriptor Descriptor { get; } = new("AwaitStock", Category, "Await stock", [], ["Done"],
        SuspendsOnBookmark: true, Description: "Holds an out-of-stock order until stock arrives.");

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db)
    {
        var entry = await ExceptionQueueEntries.EnterFromWorkflowAsync(db, order, context.Node.Id, Bookmark, context.Now, context.CancellationToken);
        return ActivityResult.Wait(Bookmark, new JsonObject { ["reason"] = order.ExceptionDetail ?? "Out of stock", ["kind"] = entry.Kind.ToString() });
    }

    /// <summary>
    /// A stock arrival only asks for another check (the entry stays open until the order is in stock); a person who
    /// resolves the entry closes it, and the check that follows decides whether the order waits again.
    /// </summary>
    protected override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, SalesOrder order, Stimulus stimulus, OrchestratorDbContext db)
    {
        if (Resolver.From(stimulus) is { } resolver)
        {
            await ExceptionQueueEntries.CloseAsync(db, order.Id, resolver.By, resolver.Note ?? "Resolved: check stock again.", context.Now, context.CancellationToken);
        }

        return ActivityResult.Done;
    }
}

/// <summary>
/// 选仓 and reservation: reserves the order's goods in the first warehouse of the shop's strategy (then its default) that
/// can fill every line, with conditional updates that never reserve more than is available. When none can and the
/// shop allows out-of-stock (允许缺货), the first warehouse is allocated without a reservation; otherwise OutOfStock.
/// </summary>
public sealed class AllocateWarehouseActivity : OrderActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("AllocateWarehouse", Category, "Allocate warehouse", [],
        ["Allocated", "OutOfStock", "NoWarehouse"],
        Description: "Reserves the goods in the first warehouse of the shop's strategy (店铺使用仓库, 优先级) that has every line.");

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db)
    {
        var ledger = context.GetRequiredService<StockLedger>();
        var candidates = await WarehouseStrategy.CandidatesAsync(db, order.ShopId, context.CancellationToken);
        Touch(order, context);
        if (candidates.Count == 0)
        {
            order.Status = OrderStatus.Exception;
            order.ExceptionKind = OrderExceptionKind.NoWarehouse;
            order.ExceptionDetail = $"Shop {order.ShopId} has no enabled warehouse: add one to its warehouse strategy.";
            return ActivityResult.Follow("NoWarehouse", new JsonObject { ["reason"] = order.ExceptionDetail });
        }

        // Allocated again (back from a rejection at picking): what the order held goes back first.
        await ledger.ReleaseAsync(order.Id, context.Now, context.CancellationToken);
        var quantities = order.Lines.SelectMany(l => l.Items).GroupBy(i => i.GoodsId).ToDictionary(g => g.Key, g => g.Sum(i => i.Quantity));
        foreach (var (warehouseId, code) in candidates)
        {
            if (await ledger.TryReserveAsync(order.Id, warehouseId, quantities, context.Now, context.CancellationToken))
            {
                return Allocate(order, warehouseId, code, reserved: true);
            }
        }

        var allowOutOfStock = await db.Shops.Where(s => s.Id == order.ShopId).Select(s => s.AllowOutOfStock).FirstAsync(context.CancellationToken);
        if (allowOutOfStock)
        {
            return Allocate(order, candidates[0].Id, candidates[0].Code, reserved: false);
        }

        // The stock check passed, but other orders reserved the last units meanwhile.
        order.Status = OrderStatus.Exception;
        order.ExceptionKind = OrderExceptionKind.OutOfStock;
        order.ExceptionDetail = "缺货 (out of stock): other orders reserved the remaining stock before this one could.";
        return ActivityResult.Follow("OutOfStock", new JsonObject { ["reason"] = order.ExceptionDetail });
    }

    private static ActivityResult Allocate(SalesOrder order, long warehouseId, string code, bool reserved)
    {
        order.WarehouseId = warehouseId;
        order.Status = OrderStatus.Allocated;
        if (order.ExceptionKind == OrderExceptionKind.OutOfStock)
        {
            order.ExceptionKind = OrderExceptionKind.None;
            order.ExceptionDetail = null;
        }

        return ActivityResult.Follow("Allocated", new JsonObject { ["warehouseId"] = warehouseId, ["warehouse"] = code, ["reserved"] = reserved });
    }
}

/// <summary>An order set aside (no warehouse, …) waits on <c>Resolved</c> until a person has fixed the cause.</summary>
public sealed class AwaitResolutionActivity : OrderActivity
{
    public const string Bookmark = "Resolved";

    public override ActivityDescriptor Descriptor { get; } = new("AwaitResolution", Category, "Exception queue", [], ["Done"],
        SuspendsOnBookmark: true, Description: "Holds the order in the exception queue (异常队列) until someone resolves it.");

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db)
    {
        var entry = await ExceptionQueueEntries.EnterFromWorkflowAsync(db, order, context.Node.Id, Bookmark, context.Now, context.CancellationToken);
        return ActivityResult.Wait(Bookmark, new JsonObject { ["reason"] = order.ExceptionDetail ?? "Exception", ["kind"] = entry.Kind.ToString() });
    }

    protected override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, SalesOrder order, Stimulus stimulus, OrchestratorDbContext db)
    {
        var resolver = Resolver.From(stimulus);
        await ExceptionQueueEntries.CloseAsync(db, order.Id, resolver?.By, resolver?.Note ?? "Resolved.", context.Now, context.CancellationToken);
        Touch(order, context);
        return ActivityResult.Done;
    }
}

/// <summary>Who resolved an exception-queue wait and how, from the stimulus' <c>by</c> and <c>note</c>; null when neither is given.</summary>
internal sealed record Resolver(string? By, string? Note)
{
    public static Resolver? From(Stimulus stimulus)
    {
        var by = stimulus.Input?["by"]?.ToString();
        var note = stimulus.Input?["note"]?.ToString();
        return by is null && note is null ? null : new Resolver(by, note);
    }
}
