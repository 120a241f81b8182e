using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.Inventory;
using Orchestrator.Domain.Orders;
using Orchestrator.Lifecycle.Exceptions;
using Orchestrator.Lifecycle.Providers;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Audit;
using Orchestrator.Persistence.Inventory;
using Orchestrator.Persistence.ReferenceData;
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
        var allowOutOfStock = (await context.GetRequiredService<ReferenceDataCache>().ShopOfAsync(db, order, context.CancellationToken)).AllowOutOfStock;
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
/// can fill every line, with conditional updates that never reserve more than is available: one package. When none
/// can and the shop allows split packages (拆单), reserves across warehouses in priority order, one package each. Else,
/// when the shop allows out-of-stock (允许缺货), the first warehouse is allocated without a reservation; otherwise OutOfStock.
/// </summary>
public sealed class AllocateWarehouseActivity : OrderActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("AllocateWarehouse", Category, "Allocate warehouse", [],
        ["Allocated", "OutOfStock", "NoWarehouse"],
        Description: "Reserves the goods in the first warehouse of the shop's strategy (店铺使用仓库, 优先级) that has every line.");

    /// <summary>The order's packages, tracked: read at every allocation, so compiled.</summary>
    private static readonly PerModelQuery<Func<OrchestratorDbContext, long, IAsyncEnumerable<Package>>> PackagesOf = new(() =>
        EF.CompileAsyncQuery((OrchestratorDbContext db, long orderId) => db.Packages.Where(p => p.OrderId == orderId)));

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db)
    {
        var ledger = context.GetRequiredService<StockLedger>();
        var reference = context.GetRequiredService<ReferenceDataCache>();
        var candidates = await WarehouseStrategy.CandidatesAsync(db, reference, order.ShopId, context.CancellationToken);
        Touch(order, context);
        if (candidates.Count == 0)
        {
            order.Status = OrderStatus.Exception;
            order.ExceptionKind = OrderExceptionKind.NoWarehouse;
            order.ExceptionDetail = $"Shop {order.ShopId} has no enabled warehouse: add one to its warehouse strategy.";
            return ActivityResult.Follow("NoWarehouse", new JsonObject { ["reason"] = order.ExceptionDetail });
        }

        // Allocated again (back from a rejection at picking): what the order held goes back first. Only this step
        // reserves, and it sets the order's warehouse in the same commit: an order with none holds nothing (no query).
        if (order.WarehouseId is not null)
        {
            await ledger.ReleaseAsync(order.Id, context.Now, context.CancellationToken);
        }
        var quantities = order.Lines.SelectMany(l => l.Items).GroupBy(i => i.GoodsId).ToDictionary(g => g.Key, g => g.Sum(i => i.Quantity));
        foreach (var (warehouseId, code) in candidates)
        {
            if (await ledger.TryReserveAsync(order.Id, warehouseId, quantities, context.Now, context.CancellationToken))
            {
                await PackAsync(db, order, [(warehouseId, quantities)], context);
                return Allocate(order, warehouseId, code, reserved: true);
            }
        }

        var shop = await reference.ShopOfAsync(db, order, context.CancellationToken);
        if (shop.AllowSplitPackages && await SplitAsync(db, ledger, order, candidates, quantities, context) is { } split)
        {
            await PackAsync(db, order, split, context);
            var first = candidates.First(c => c.Id == split[0].WarehouseId);
            return Allocate(order, first.Id, first.Code, reserved: true,
                new JsonArray([.. split.Select(s => (JsonNode)new JsonObject { ["warehouseId"] = s.WarehouseId, ["units"] = s.Quantities.Values.Sum() })]));
        }

        if (shop.AllowOutOfStock)
        {
            await PackAsync(db, order, [(candidates[0].Id, quantities)], context);
            return Allocate(order, candidates[0].Id, candidates[0].Code, reserved: false);
        }

        // The stock check passed, but other orders reserved the last units meanwhile.
        order.Status = OrderStatus.Exception;
        order.ExceptionKind = OrderExceptionKind.OutOfStock;
        order.ExceptionDetail = "缺货 (out of stock): other orders reserved the remaining stock before this one could.";
        return ActivityResult.Follow("OutOfStock", new JsonObject { ["reason"] = order.ExceptionDetail });
    }

    /// <summary>
    /// Plans from the stock as read (warehouses in priority order, each taking what it has of what is left), then reserves
    /// each part with the same conditional updates; a part another order took meanwhile undoes the others (null).
    /// </summary>
    private static async Task<List<(long WarehouseId, IReadOnlyDictionary<long, int> Quantities)>?> SplitAsync(
        OrchestratorDbContext db, StockLedger ledger, SalesOrder order, IReadOnlyList<(long Id, string Code)> candidates,
        Dictionary<long, int> quantities, ActivityContext context)
    {
        var warehouseIds = candidates.Select(c => c.Id).ToList();
        var goodsIds = quantities.Keys.ToList();
        var available = await StockLevels.FreeAsync(db, warehouseIds, goodsIds, context.CancellationToken);
        // What this run already released or reserved and writes at its commit (a re-allocation releases first).
        int Pending(long warehouseId, long goodsId) => db.StockAtCommit?.FreeDelta(warehouseId, goodsId) ?? 0;
        var left = new Dictionary<long, int>(quantities);
        var plan = new List<(long WarehouseId, IReadOnlyDictionary<long, int> Quantities)>();
        foreach (var (warehouseId, _) in candidates)
        {
            var take = left.Where(l => l.Value > 0)
                .Select(l => (l.Key, Quantity: Math.Min(l.Value, Math.Max(0, available.GetValueOrDefault((warehouseId, l.Key)) + Pending(warehouseId, l.Key)))))
                .Where(t => t.Quantity > 0).ToDictionary(t => t.Key, t => t.Quantity);
            if (take.Count > 0)
            {
                plan.Add((warehouseId, take));
                foreach (var (goodsId, quantity) in take)
                {
                    left[goodsId] -= quantity;
                }
            }
        }

        if (left.Values.Any(v => v > 0) || plan.Count < 2)
        {
            return null;
        }

        var mark = await ledger.MarkAsync("split", context.CancellationToken);
        foreach (var (warehouseId, take) in plan)
        {
            if (!await ledger.TryReserveAsync(order.Id, warehouseId, take, context.Now, context.CancellationToken))
            {
                await ledger.UndoAsync(mark, order.Id, context.CancellationToken);
                return null;
            }
        }

        return plan;
    }

    /// <summary>
    /// The packages for this allocation. Allocated again (back from review) to the same single warehouse, the package and
    /// its waybill stay; otherwise the old packages are cancelled with their waybills and new ones follow in sequence.
    /// </summary>
    private static async Task PackAsync(
        OrchestratorDbContext db, SalesOrder order, List<(long WarehouseId, IReadOnlyDictionary<long, int> Quantities)> plan, ActivityContext context)
    {
        var existing = await PackagesOf.For(db)(db, order.Id).ToListAsync(context.CancellationToken);
        var open = existing.Where(p => p.Status != PackageStatus.Cancelled).ToList();
        var lines = plan.Count == 1 ? [OrderPackages.Lines(order)] : OrderPackages.Distribute(order, [.. plan.Select(p => p.Quantities)]);
        if (plan.Count == 1 && open.Count == 1 && open[0].WarehouseId == plan[0].WarehouseId)
        {
            open[0].Lines = lines[0];
            return;
        }

        foreach (var waybill in await OrderPackages.LiveWaybillsAsync(db, open, context.CancellationToken))
        {
            waybill.RequestCancel("re-allocated to other warehouses", context.Now);
        }

        open.ForEach(p => p.Status = PackageStatus.Cancelled);
        order.TrackingNumber = null;
        var sequence = existing.Select(p => p.Sequence).DefaultIfEmpty(0).Max();
        for (var i = 0; i < plan.Count; i++)
        {
            db.Packages.Add(OrderPackages.Make(order, plan[i].WarehouseId, ++sequence, lines[i]));
        }
    }

    private static ActivityResult Allocate(SalesOrder order, long warehouseId, string code, bool reserved, JsonArray? packages = null)
    {
        order.WarehouseId = warehouseId;
        order.Status = OrderStatus.Allocated;
        if (order.ExceptionKind == OrderExceptionKind.OutOfStock)
        {
            order.ExceptionKind = OrderExceptionKind.None;
            order.ExceptionDetail = null;
        }

        return ActivityResult.Follow("Allocated", new JsonObject { ["warehouseId"] = warehouseId, ["warehouse"] = code, ["reserved"] = reserved, ["packages"] = packages });
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
        var entry = await ExceptionQueueEntries.EnterFromWorkflowAsync(db, order, context.Node.Id, Bookmark, context.Now, context.CancellationToken, PersonWhoSentIt(context));
        return ActivityResult.Wait(Bookmark, new JsonObject { ["reason"] = order.ExceptionDetail ?? "Exception", ["kind"] = entry.Kind.ToString() });
    }

    /// <summary>
    /// The person whose decision at a wait sent the order straight here (a reviewer's "set aside"): the run is theirs and
    /// the activity before this one is the wait they resumed. Null when the workflow got here on its own.
    /// </summary>
    private static string? PersonWhoSentIt(ActivityContext context) =>
        context.From is { } from
        && context.Services.GetService(typeof(ActivityRegistry)) is ActivityRegistry registry
        && registry.Get(from.Type).Descriptor.SuspendsOnBookmark
        && context.Services.GetService(typeof(IAuditActor)) is IAuditActor { IsRoutine: false } actor
            ? actor.Name
            : null;

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
