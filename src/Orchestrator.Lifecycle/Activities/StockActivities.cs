using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Orders;
using Orchestrator.Lifecycle.Providers;
using Orchestrator.Persistence;
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

    protected override ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db) =>
        ValueTask.FromResult(ActivityResult.Wait(Bookmark, new JsonObject { ["reason"] = order.ExceptionDetail ?? "Out of stock" }));

    protected override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, SalesOrder order, Stimulus stimulus, OrchestratorDbContext db) =>
        ValueTask.FromResult(ActivityResult.Done);
}

/// <summary>选仓: the first enabled warehouse of the shop's strategy (lowest priority number), else the shop's default.</summary>
public sealed class AllocateWarehouseActivity : OrderActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("AllocateWarehouse", Category, "Allocate warehouse", [], ["Allocated", "NoWarehouse"],
        Description: "Chooses the warehouse by the shop's warehouse strategy (店铺使用仓库, 优先级).");

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db)
    {
        var shop = await db.Shops.AsNoTracking().Include(s => s.Warehouses).FirstAsync(s => s.Id == order.ShopId, context.CancellationToken);
        var candidates = shop.Warehouses.OrderBy(w => w.Priority).Select(w => w.WarehouseId).ToList();
        if (shop.DefaultWarehouseId is { } fallback && !candidates.Contains(fallback))
        {
            candidates.Add(fallback);
        }

        var enabled = await db.Warehouses.AsNoTracking().Where(w => candidates.Contains(w.Id) && w.IsEnabled)
            .Select(w => new { w.Id, w.Code }).ToListAsync(context.CancellationToken);
        var chosen = candidates.Select(id => enabled.FirstOrDefault(w => w.Id == id)).FirstOrDefault(w => w is not null);
        Touch(order, context);
        if (chosen is null)
        {
            order.Status = OrderStatus.Exception;
            order.ExceptionKind = OrderExceptionKind.NoWarehouse;
            order.ExceptionDetail = $"Shop {shop.Code} has no enabled warehouse: add one to its warehouse strategy.";
            return ActivityResult.Follow("NoWarehouse", new JsonObject { ["reason"] = order.ExceptionDetail });
        }

        order.WarehouseId = chosen.Id;
        order.Status = OrderStatus.Allocated;
        return ActivityResult.Follow("Allocated", new JsonObject { ["warehouseId"] = chosen.Id, ["warehouse"] = chosen.Code });
    }
}

/// <summary>An order set aside (no warehouse, …) waits on <c>Resolved</c> until a person has fixed the cause.</summary>
public sealed class AwaitResolutionActivity : OrderActivity
{
    public const string Bookmark = "Resolved";

    public override ActivityDescriptor Descriptor { get; } = new("AwaitResolution", Category, "Exception queue", [], ["Done"],
        SuspendsOnBookmark: true, Description: "Holds the order in the exception queue (异常队列) until someone resolves it.");

    protected override ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db) =>
        ValueTask.FromResult(ActivityResult.Wait(Bookmark, new JsonObject { ["reason"] = order.ExceptionDetail ?? "Exception" }));

    protected override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, SalesOrder order, Stimulus stimulus, OrchestratorDbContext db) =>
        ValueTask.FromResult(ActivityResult.Done);
}
