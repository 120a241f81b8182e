using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;
using Orchestrator.Workflows.Execution;

namespace Orchestrator.Lifecycle.Activities;

/// <summary>An order's packages as the floor activities use them: load, make, pick the one a stimulus means, show progress.</summary>
public static class OrderPackages
{
    /// <summary>
    /// The order's packages that are not cancelled, by sequence. An order allocated before packages existed gets its one
    /// package here, saved inside the step's transaction so later rows can point at it. Packages are only ever loaded
    /// (cancelled ones included) or made all of an order's at once, and the runtime keeps them tracked between the steps
    /// of a run, so tracked ones are the whole set and are not read again (the floor's answer relies on it too).
    /// </summary>
    public static async Task<List<Package>> LoadAsync(OrchestratorDbContext db, SalesOrder order, CancellationToken cancellationToken)
    {
        // All of them are read (cancelled ones too, rarely more than one), so what is tracked is the order's whole set.
        var tracked = db.TrackedWhere<Package>(p => p.OrderId == order.Id);
        var all = tracked.Count > 0 ? tracked : await db.Packages.Where(p => p.OrderId == order.Id).ToListAsync(cancellationToken);
        var packages = all.Where(p => p.Status != PackageStatus.Cancelled).OrderBy(p => p.Sequence).ToList();
        if (packages.Count > 0 || order.WarehouseId is not { } warehouseId)
        {
            return packages;
        }

        var single = Make(order, warehouseId, 1, Lines(order));
        single.TrackingNumber = order.TrackingNumber;
        db.Packages.Add(single);
        await db.BeginWorkAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var waybill in await db.Waybills.Where(w => w.OrderId == order.Id && w.PackageId == null && w.CancelRequestedAt == null).ToListAsync(cancellationToken))
        {
            waybill.PackageId = single.Id;
            single.Reach(PackageStatus.WaybillIssued);
        }

        return [single];
    }

    /// <summary>
    /// The live waybills of <paramref name="packages"/>. Only a package with a tracking number can have one: a waybill is
    /// issued to a package (<c>OrderWaybills.IssueAsync</c>) together with its number, and a number is only taken off a
    /// package with its waybill cancelled; so packages without one (just made) cost no query.
    /// </summary>
    public static async Task<List<Waybill>> LiveWaybillsAsync(OrchestratorDbContext db, IEnumerable<Package> packages, CancellationToken cancellationToken)
    {
        var ids = packages.Where(p => p.TrackingNumber is not null).Select(p => (long?)p.Id).ToList();
        return ids.Count == 0 ? [] : await db.Waybills.Where(w => ids.Contains(w.PackageId) && w.CancelRequestedAt == null).ToListAsync(cancellationToken);
    }

    public static Package Make(SalesOrder order, long warehouseId, int sequence, List<PackageLine> lines) =>
        new() { OrderId = order.Id, Sequence = sequence, WarehouseId = warehouseId, Status = PackageStatus.Allocated, Lines = lines };

    /// <summary>Every goods of the order, one package line per order line item.</summary>
    public static List<PackageLine> Lines(SalesOrder order) =>
        [.. order.Lines.OrderBy(l => l.LineNo).SelectMany(l => l.Items.Select(i => new PackageLine { LineNo = l.LineNo, GoodsId = i.GoodsId, MerchantCode = i.MerchantCode, Quantity = i.Quantity }))];

    /// <summary>
    /// Splits the order's goods over packages by the quantities each should hold per goods, taking order lines in line
    /// order and splitting a line's quantity across packages when needed. The quantities must add up to the order's.
    /// </summary>
    public static List<List<PackageLine>> Distribute(SalesOrder order, IReadOnlyList<IReadOnlyDictionary<long, int>> perPackage)
    {
        var queues = Lines(order).GroupBy(l => l.GoodsId).ToDictionary(g => g.Key, g => new Queue<PackageLine>(g));
        var result = new List<List<PackageLine>>();
        foreach (var wanted in perPackage)
        {
            var lines = new List<PackageLine>();
            foreach (var (goodsId, quantity) in wanted)
            {
                var left = quantity;
                var queue = queues[goodsId];
                while (left > 0)
                {
                    var next = queue.Peek();
                    var take = Math.Min(left, next.Quantity);
                    lines.Add(new PackageLine { LineNo = next.LineNo, GoodsId = goodsId, MerchantCode = next.MerchantCode, Quantity = take });
                    left -= take;
                    next.Quantity -= take;
                    if (next.Quantity == 0)
                    {
                        queue.Dequeue();
                    }
                }
            }

            result.Add([.. lines.OrderBy(l => l.LineNo)]);
        }

        return result;
    }

    /// <summary>
    /// The packages a floor stimulus is about: <c>packageId</c> names one; <c>warehouseId</c> (a wave's confirmation)
    /// means all still before <paramref name="stage"/> in that warehouse; neither means the only one still before it.
    /// </summary>
    public static List<Package> Targets(List<Package> packages, JsonNode? input, PackageStatus stage)
    {
        var pending = packages.Where(p => p.Status < stage).ToList();
        if (input?["packageId"] is JsonValue id && id.GetValueKind() == JsonValueKind.Number)
        {
            var named = packages.FirstOrDefault(p => p.Id == id.GetValue<long>())
                ?? throw new StimulusRejectedException($"The order has no package {id}; its packages are {string.Join(", ", packages.Select(p => p.Id))}.", "packageId");
            return named.Status < stage ? [named] : throw new StimulusRejectedException($"Package {named.Id} is already {named.Status}.", "packageId");
        }

        if (input?["warehouseId"] is JsonValue warehouse && warehouse.GetValueKind() == JsonValueKind.Number)
        {
            return [.. pending.Where(p => p.WarehouseId == warehouse.GetValue<long>())];
        }

        return pending.Count <= 1
            ? pending
            : throw new StimulusRejectedException(
                $"The order has {pending.Count} packages waiting here: name one with \"packageId\" ({string.Join(", ", pending.Select(p => p.Id))}).", "packageId");
    }

    public static JsonArray View(IEnumerable<Package> packages) =>
        new([.. packages.Select(p => (JsonNode)new JsonObject
        {
            ["packageId"] = p.Id,
            ["sequence"] = p.Sequence,
            ["warehouseId"] = p.WarehouseId,
            ["status"] = p.Status.ToString(),
            ["trackingNumber"] = p.TrackingNumber,
            ["remaining"] = p.Lines.Sum(l => l.Quantity - l.Scanned),
        })]);
}
