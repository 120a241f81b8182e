using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.Orders;
using Orchestrator.Lifecycle.Activities;
using Orchestrator.Lifecycle.Providers.Waybills;
using Orchestrator.Persistence;
using Orchestrator.Server.Security;
using Orchestrator.Workflows.Execution;

namespace Orchestrator.Server.Apis.Packages;

/// <summary>An order's packages (包裹): one per warehouse it ships from, or as the floor split it.</summary>
internal static class PackagesApi
{
    public static IEndpointRouteBuilder MapPackagesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/orders/{orderId:long}").WithTags("Packages");
        group.MapGet("/packages", List).ForReaders();
        group.MapPost("/packages:split", Split).ForWarehouse().ScopedToOrderWarehouse();
        return routes;
    }

    private static async Task<IResult> List(long orderId, OrchestratorDbContext db, CancellationToken ct)
    {
        if (!await db.SalesOrders.AnyAsync(o => o.Id == orderId, ct))
        {
            return Problems.NotFound("Order", orderId);
        }

        var packages = await db.Packages.AsNoTracking().Where(p => p.OrderId == orderId).OrderBy(p => p.Sequence).ToListAsync(ct);
        return Results.Ok(packages.Select(PackageResponse.From));
    }

    /// <summary>
    /// Splits at picking, before anything is picked: the warehouse's packages are replaced by the new ones, which take
    /// their waybills now (keys from the instance and each new package's sequence, so a repeated call after a crash asks
    /// with the same keys); the old waybills are cancelled at the carrier. The stock stays reserved where it was.
    /// </summary>
    private static async Task<IResult> Split(
        long orderId, PackageSplitRequest request, OrchestratorDbContext db, OrderWaybills waybills, TimeProvider clock, CancellationToken ct)
    {
        var order = await db.SalesOrders.AsSplitQuery().FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            return Problems.NotFound("Order", orderId);
        }

        var instance = await db.WorkflowInstances.AsNoTracking().Where(i => i.SalesOrderId == orderId).Select(i => new { i.Id, i.Status, i.WaitingFor }).FirstOrDefaultAsync(ct);
        var open = await db.Packages.Where(p => p.OrderId == orderId && p.Status != PackageStatus.Cancelled).OrderBy(p => p.Sequence).ToListAsync(ct);
        if (instance is not { Status: WorkflowStatus.Suspended, WaitingFor: PickActivity.Bookmark } || open.Count == 0 || open.Any(p => p.Status > PackageStatus.WaybillIssued))
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Order cannot be split now",
                detail: $"Order {orderId} can be split while it waits at picking and before any package is picked (it is {order.Status}, waiting for {instance?.WaitingFor ?? "nothing"}).");
        }

        var warehouses = open.Select(p => p.WarehouseId).Distinct().ToList();
        var warehouseId = request.WarehouseId ?? (warehouses.Count == 1 ? warehouses[0] : (long?)null);
        if (warehouseId is null || !warehouses.Contains(warehouseId.Value))
        {
            return Problems.Invalid("warehouseId", $"Name the warehouse whose packages to split: {string.Join(", ", warehouses)}.");
        }

        var replaced = open.Where(p => p.WarehouseId == warehouseId).ToList();
        var shipped = replaced.SelectMany(p => p.Lines).GroupBy(l => l.MerchantCode, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (g.First().GoodsId, Quantity: g.Sum(l => l.Quantity)), StringComparer.OrdinalIgnoreCase);
        if (Validate(request, shipped) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var old = await OrderPackages.LiveWaybillsAsync(db, replaced, ct);
        replaced.ForEach(p => p.Status = PackageStatus.Cancelled);
        if (old.Any(w => w.TrackingNumber == order.TrackingNumber))
        {
            order.TrackingNumber = open.Except(replaced).FirstOrDefault()?.TrackingNumber;
        }

        var perPackage = request.Packages!.Select(p => (IReadOnlyDictionary<long, int>)p.Lines!.GroupBy(l => shipped[l.MerchantCode!.Trim()].GoodsId)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity!.Value))).ToList();
        var sequence = await db.Packages.Where(p => p.OrderId == orderId).MaxAsync(p => p.Sequence, ct);
        var made = OrderPackages.Distribute(order, perPackage).Select(lines => OrderPackages.Make(order, warehouseId.Value, ++sequence, lines)).ToList();
        db.Packages.AddRange(made);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        try
        {
            foreach (var package in made)
            {
                await waybills.IssueAsync(order, package, $"{instance.Id:N}:packages:p{package.Sequence}", ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Carrier did not issue the new waybills",
                detail: $"Nothing was split; the order keeps its packages. {ex.Message}");
        }

        foreach (var waybill in old)
        {
            waybill.RequestCancel("package split", now);
            await waybills.TryCancelAtCarrierAsync(waybill, ct);
        }

        order.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        var packages = await db.Packages.AsNoTracking().Where(p => p.OrderId == orderId).OrderBy(p => p.Sequence).ToListAsync(ct);
        return Results.Ok(packages.Select(PackageResponse.From));
    }

    /// <summary>Field errors: at least two packages, each with lines of this warehouse's goods, adding up to what it ships.</summary>
    private static Dictionary<string, string[]> Validate(PackageSplitRequest request, Dictionary<string, (long GoodsId, int Quantity)> shipped)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Packages is not { Count: >= 2 and <= 20 } packages)
        {
            errors["packages"] = ["Give 2 to 20 packages, each with its lines."];
            return errors;
        }

        for (var i = 0; i < packages.Count; i++)
        {
            if (packages[i].Lines is not { Count: > 0 } lines)
            {
                errors[$"packages[{i}].lines"] = ["A package needs at least one line."];
                continue;
            }

            for (var j = 0; j < lines.Count; j++)
            {
                if (lines[j].MerchantCode?.Trim() is not { } code || !shipped.ContainsKey(code))
                {
                    errors[$"packages[{i}].lines[{j}].merchantCode"] = [$"'{lines[j].MerchantCode}' is not shipped from this warehouse: {string.Join(", ", shipped.Keys)}."];
                }

                if (lines[j].Quantity is not > 0)
                {
                    errors[$"packages[{i}].lines[{j}].quantity"] = ["quantity is a count from 1 up."];
                }
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var given = packages.SelectMany(p => p.Lines!).GroupBy(l => l.MerchantCode!.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity!.Value), StringComparer.OrdinalIgnoreCase);
        var wrong = shipped.Where(s => given.GetValueOrDefault(s.Key) != s.Value.Quantity)
            .Select(s => $"{s.Key}: the packages hold {given.GetValueOrDefault(s.Key)}, the warehouse ships {s.Value.Quantity}").ToList();
        if (wrong.Count > 0)
        {
            errors["packages"] = [$"Quantities must add up: {string.Join("; ", wrong)}."];
        }

        return errors;
    }
}
