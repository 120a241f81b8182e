using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Lifecycle.Activities;
using Orchestrator.Persistence;
using Orchestrator.Server.Apis.Floor;
using Orchestrator.Server.Security;
using Orchestrator.Workflows.Execution;
using Orchestrator.Workflows.Runtime.Grains;

namespace Orchestrator.Server.Apis.PickLists;

/// <summary>Pick waves (波次配货): make one from the orders waiting at picking in a warehouse, print it, confirm it.</summary>
internal static class PickListsApi
{
    public static IEndpointRouteBuilder MapPickListsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/warehouses/{warehouseId:long}/pick-lists", Create).Validate<PickListRequest>().WithTags("Pick lists").ForWarehouse().ScopedToRouteWarehouse();
        var group = routes.MapGroup("/api/pick-lists").WithTags("Pick lists");
        group.MapGet("/{id:long}", Get).WithName("GetPickList").ForWarehouse().ScopedToPickListWarehouse();
        group.MapGet("/{id:long}/print", Print).ForWarehouse().ScopedToPickListWarehouse();
        group.MapPost("/{id:long}:confirm", Confirm).ForWarehouse().ScopedToPickListWarehouse();
        return routes;
    }

    /// <summary>The oldest-paid orders waiting at picking in the warehouse that no open wave holds; the unique index settles a race.</summary>
    private static async Task<IResult> Create(long warehouseId, PickListRequest request, OrchestratorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Warehouses.AnyAsync(w => w.Id == warehouseId, ct))
        {
            return Problems.NotFound("Warehouse", warehouseId);
        }

        if (request.ShopId is { } shopId && !await db.Shops.AnyAsync(s => s.Id == shopId, ct))
        {
            return Problems.Invalid("shopId", $"No shop has id {shopId}.");
        }

        if (request.LogisticsCompanyId is { } carrierId && !await db.LogisticsCompanies.AnyAsync(l => l.Id == carrierId, ct))
        {
            return Problems.Invalid("logisticsCompanyId", $"No logistics company has id {carrierId}.");
        }

        var orders = db.WorkflowInstances.AsNoTracking()
            .Where(i => i.Status == WorkflowStatus.Suspended && i.WaitingFor == PickActivity.Bookmark)
            .Join(db.SalesOrders, i => i.SalesOrderId, o => o.Id, (i, o) => o)
            .Where(o => db.Packages.Any(p => p.OrderId == o.Id && p.WarehouseId == warehouseId
                    && (p.Status == PackageStatus.Allocated || p.Status == PackageStatus.WaybillIssued))
                || (o.WarehouseId == warehouseId && !db.Packages.Any(p => p.OrderId == o.Id)))
            .Where(o => !db.Set<PickListOrder>().Any(p => p.OpenOrderId == o.Id && p.WarehouseId == warehouseId));
        if (request.ShopId is { } shop)
        {
            orders = orders.Where(o => o.ShopId == shop);
        }

        if (request.LogisticsCompanyId is { } carrier)
        {
            orders = orders.Where(o => o.LogisticsCompanyId == carrier);
        }

        var ids = await orders.OrderBy(o => o.PayTime ?? o.ReceivedAt).ThenBy(o => o.Id)
            .Take(request.MaxOrders ?? PickListRequestValidator.DefaultMaxOrders).Select(o => o.Id).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nothing to pick",
                detail: $"No order waits at picking in warehouse {warehouseId} outside an open wave (with these filters).");
        }

        var wave = new PickList
        {
            WarehouseId = warehouseId,
            Status = PickListStatus.Open,
            ShopId = request.ShopId,
            LogisticsCompanyId = request.LogisticsCompanyId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Orders = ids.Select((id, i) => new PickListOrder { OrderId = id, WarehouseId = warehouseId, OpenOrderId = id, Position = i + 1 }).ToList(),
        };
        db.PickLists.Add(wave);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Orders already in a wave",
                detail: "Another wave took some of these orders at the same time; make the wave again.");
        }

        return Results.CreatedAtRoute("GetPickList", new { id = wave.Id }, await PickListView.LoadAsync(db, wave, ct));
    }

    private static async Task<IResult> Get(long id, OrchestratorDbContext db, CancellationToken ct) =>
        await FindAsync(db, id, ct) is { } wave ? Results.Ok(await PickListView.LoadAsync(db, wave, ct)) : Problems.NotFound("Pick list", id);

    private static async Task<IResult> Print(long id, OrchestratorDbContext db, CancellationToken ct) =>
        await FindAsync(db, id, ct) is { } wave ? PickListPrint.Html(await PickListView.LoadAsync(db, wave, ct)) : Problems.NotFound("Pick list", id);

    /// <summary>
    /// Confirms picking for each order in wave order (its packages in this warehouse); one not waiting for picking is
    /// reported, not fatal. The wave closes.
    /// </summary>
    private static async Task<IResult> Confirm(long id, FloorActor? body, OrchestratorDbContext db, OrderInstances instances, IGrainFactory grains, TimeProvider clock, CancellationToken ct)
    {
        var wave = await db.PickLists.Include(p => p.Orders).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (wave is null)
        {
            return Problems.NotFound("Pick list", id);
        }

        if (wave.Status != PickListStatus.Open)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Pick list already confirmed",
                detail: $"Pick list {id} was confirmed at {wave.ConfirmedAt:o}.");
        }

        // Every order's workflow at once (the wave's commits shared), its result in wave order, from the grain's reply.
        var entries = wave.Orders.OrderBy(o => o.Position).ToList();
        var instanceIds = await instances.FindManyAsync(db, [.. entries.Select(e => e.OrderId)], ct);
        var results = new PickConfirmResult[entries.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, entries.Count), new ParallelOptions { MaxDegreeOfParallelism = FloorBatch.Concurrency, CancellationToken = ct }, async (i, _) =>
        {
            var orderId = entries[i].OrderId;
            if (!instanceIds.TryGetValue(orderId, out var instanceId))
            {
                results[i] = new PickConfirmResult(orderId, StatusCodes.Status404NotFound, null, "The order has no workflow.");
                return;
            }

            var payload = new JsonObject { ["picker"] = body?.By, ["pickListId"] = id, ["warehouseId"] = wave.WarehouseId };
            var reply = await grains.Instance(instanceId).ResumeAsync(PickActivity.Bookmark, null, payload.ToJsonString());
            var open = reply.OpenBookmarks is [var first, ..] ? first : null;
            results[i] = reply.Kind == ReplyKind.Done
                ? new PickConfirmResult(orderId, StatusCodes.Status200OK, reply.Status == WorkflowStatus.Suspended ? open : null, null)
                : new PickConfirmResult(orderId, StatusCodes.Status409Conflict, open, $"Not waiting for picking ({reply.Message})");
        });

        wave.Confirm(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return Results.Ok(new { pickList = await PickListView.LoadAsync(db, wave, ct), results });
    }

    private static Task<PickList?> FindAsync(OrchestratorDbContext db, long id, CancellationToken ct) =>
        db.PickLists.AsNoTracking().Include(p => p.Orders).FirstOrDefaultAsync(p => p.Id == id, ct);
}
