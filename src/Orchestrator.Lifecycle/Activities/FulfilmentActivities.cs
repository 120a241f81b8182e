using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.MasterData;
using Orchestrator.Domain.Orders;
using Orchestrator.Lifecycle.Providers;
using Orchestrator.Lifecycle.Providers.Waybills;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Inventory;
using Orchestrator.Persistence.ReferenceData;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Execution;

namespace Orchestrator.Lifecycle.Activities;

/// <summary>
/// 电子面单: one tracking number per package, each requested with the step's key plus the package's sequence. A package
/// that already has a live waybill keeps it (back from a rejection at picking): pre-reported numbers cost money (seed
/// 004), and Cainiao would issue a second number for the same request, so we look before we ask.
/// </summary>
public sealed class RequestWaybillActivity : OrderActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("RequestWaybill", Category, "Request e-waybill", [], ["Done"],
        Description: "Gets a tracking number per package from the order's carrier; a retry never takes a second one.", CallsOut: true);

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db)
    {
        var waybills = context.GetRequiredService<OrderWaybills>();
        var packages = await OrderPackages.LoadAsync(db, order, context.CancellationToken);
        var live = (await OrderPackages.LiveWaybillsAsync(db, packages, context.CancellationToken)).ToDictionary(w => w.PackageId!.Value);
        var issued = new JsonArray();
        foreach (var package in packages)
        {
            var reused = live.TryGetValue(package.Id, out var waybill);
            waybill ??= await waybills.IssueAsync(order, package, $"{context.IdempotencyKey}:p{package.Sequence}", context.CancellationToken);
            package.TrackingNumber = waybill.TrackingNumber;
            issued.Add(new JsonObject { ["packageId"] = package.Id, ["carrier"] = waybill.CarrierCode, ["trackingNumber"] = waybill.TrackingNumber, ["reused"] = reused });
        }

        Touch(order, context);
        return ActivityResult.Follow("Done", new JsonObject { ["trackingNumber"] = order.TrackingNumber, ["packages"] = issued });
    }
}

/// <summary>
/// 打单配货: the order is on a pick list; <c>PickConfirmed</c> confirms a package (<c>packageId</c>, or the only one; a wave
/// sends <c>warehouseId</c>) and the order moves on once every package is picked. <c>{ "rejected": true, "reason": … }</c>
/// sends the whole order back to review.
/// </summary>
public sealed class PickActivity : OrderActivity
{
    public const string Bookmark = "PickConfirmed";

    public override ActivityDescriptor Descriptor { get; } = new("Pick", Category, "Pick", [], ["Picked", "Rejected"],
        SuspendsOnBookmark: true, Description: "Waits until the picker confirms; a rejection goes back to review with a reason.");

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db)
    {
        order.Status = OrderStatus.Picking;
        Touch(order, context);
        return ActivityResult.Wait(Bookmark, Waiting(order, await OrderPackages.LoadAsync(db, order, context.CancellationToken)));
    }

    protected override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, SalesOrder order, Stimulus stimulus, OrchestratorDbContext db)
    {
        Touch(order, context);
        if (stimulus.Input?["rejected"]?.GetValueKind() == JsonValueKind.True)
        {
            var reason = stimulus.Input["reason"]?.ToString();
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new StimulusRejectedException("A pick rejection needs a \"reason\" for the reviewer.", "reason");
            }

            order.Status = OrderStatus.Blocked;
            order.BlockReason = "打单配货驳回 (rejected at picking): " + reason;
            return ActivityResult.Follow("Rejected", new JsonObject { ["reason"] = reason });
        }

        var packages = await OrderPackages.LoadAsync(db, order, context.CancellationToken);
        OrderPackages.Targets(packages, stimulus.Input, PackageStatus.Picked).ForEach(p => p.Reach(PackageStatus.Picked));
        return packages.All(p => p.Status >= PackageStatus.Picked)
            ? ActivityResult.Follow("Picked", new JsonObject { ["packages"] = OrderPackages.View(packages) })
            : ActivityResult.Wait(Bookmark, Waiting(order, packages));
    }

    private static JsonObject Waiting(SalesOrder order, List<Package> packages) => new()
    {
        ["warehouseId"] = order.WarehouseId,
        ["trackingNumber"] = order.TrackingNumber,
        ["packages"] = OrderPackages.View(packages),
    };
}

/// <summary>
/// 验货出库: waits on <c>Scanned</c> while items are scanned one by one (<c>{ "barcode": "…", "quantity": 1 }</c>; a
/// merchant code label scans too) or all at once (<c>{ "items": [{ "merchantCode", "quantity" }] }</c>), per package
/// (<c>packageId</c>, or the only one left). A wrong item or an over-scan is refused with a message and the count stays as
/// it was (counts live on the package lines, committed with each step); the order is verified when every package matches.
/// </summary>
public sealed class VerifyActivity : OrderActivity
{
    public const string Bookmark = "Scanned";

    public override ActivityDescriptor Descriptor { get; } = new("Verify", Category, "Verify", [], ["Verified"],
        SuspendsOnBookmark: true, Description: "Waits until every item is scanned against the order (验货).");

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db)
    {
        // Verified again after a trip back to review: counting starts over.
        var packages = await OrderPackages.LoadAsync(db, order, context.CancellationToken);
        packages.SelectMany(p => p.Lines).ToList().ForEach(l => l.Scanned = 0);
        return ActivityResult.Wait(Bookmark, Progress(packages));
    }

    protected override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, SalesOrder order, Stimulus stimulus, OrchestratorDbContext db)
    {
        var packages = await OrderPackages.LoadAsync(db, order, context.CancellationToken);
        var package = OrderPackages.Targets(packages, stimulus.Input, PackageStatus.Verified) switch
        {
            [var only] => only,
            _ => throw new StimulusRejectedException("Every package of the order is verified already.", "packageId"),
        };
        var lines = Expected(package);
        if (stimulus.Input?["items"] is JsonArray items)
        {
            CheckAll(lines, items);
        }
        else if (stimulus.Input?["barcode"] is JsonValue barcode && barcode.GetValueKind() == JsonValueKind.String)
        {
            var quantity = stimulus.Input["quantity"] is JsonValue q && q.TryGetValue<int>(out var n) ? n : 1;
            await ScanAsync(lines, barcode.GetValue<string>(), quantity, db, context.CancellationToken);
        }
        else
        {
            throw new StimulusRejectedException("Scan with { \"barcode\": \"…\" } per item, or send { \"items\": [{ \"merchantCode\", \"quantity\" }] }.", "barcode");
        }

        Touch(order, context);
        Record(package, lines);
        if (lines.All(l => l.Scanned >= l.Quantity))
        {
            package.Reach(PackageStatus.Verified);
        }

        if (packages.Any(p => p.Status < PackageStatus.Verified))
        {
            return ActivityResult.Wait(Bookmark, Progress(packages));
        }

        order.Status = OrderStatus.Verified;
        return ActivityResult.Follow("Verified", Progress(packages));
    }

    private static async Task ScanAsync(List<ScanLine> lines, string barcode, int quantity, OrchestratorDbContext db, CancellationToken cancellationToken)
    {
        if (quantity is < 1 or > 10_000)
        {
            throw new StimulusRejectedException("quantity is a count from 1 up.", "quantity");
        }

        var code = MerchantCode.Normalize(barcode);
        var typed = TextFolding.Fold(barcode);
        var goods = await db.Goods.AsNoTracking().Where(g => g.Barcode == barcode.Trim() || g.Barcode == typed || g.NormalizedMerchantCode == code)
            .Select(g => new { g.MerchantCode, g.NormalizedMerchantCode, g.Name }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new StimulusRejectedException($"No goods has barcode '{barcode}'.", "barcode");
        var line = lines.FirstOrDefault(l => l.Key == goods.NormalizedMerchantCode)
            ?? throw new StimulusRejectedException($"Wrong item: {goods.Name} ({goods.MerchantCode}) is not in this order.", "barcode");
        if (line.Scanned + quantity > line.Quantity)
        {
            throw new StimulusRejectedException(
                $"Over-scan: the order wants {line.Quantity} × {goods.Name} ({goods.MerchantCode}) and {line.Scanned} are already scanned.", "quantity");
        }

        line.Scanned += quantity;
    }

    private static void CheckAll(List<ScanLine> lines, JsonArray items)
    {
        var counted = new Dictionary<string, (string Typed, int Quantity)>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var code = item?["merchantCode"]?.ToString() ?? throw new StimulusRejectedException("Every scanned item needs a merchantCode.", "items");
            var key = MerchantCode.Normalize(code);
            var quantity = item["quantity"]?.GetValue<int>() ?? 1;
            counted[key] = counted.TryGetValue(key, out var seen) ? (seen.Typed, seen.Quantity + quantity) : (code, quantity);
        }

        var wrong = counted.Where(c => lines.FirstOrDefault(l => l.Key == c.Key)?.Quantity != c.Value.Quantity)
            .Select(c => c.Value.Typed)
            .Concat(lines.Where(l => !counted.ContainsKey(l.Key)).Select(l => l.MerchantCode))
            .Distinct(StringComparer.Ordinal).ToList();
        if (wrong.Count > 0)
        {
            throw new StimulusRejectedException($"Scanned items do not match the order: {string.Join(", ", wrong)}.", "items");
        }

        lines.ForEach(l => l.Scanned = l.Quantity);
    }

    private static List<ScanLine> Expected(Package package) =>
        package.Lines
            .GroupBy(i => i.MerchantCode, StringComparer.OrdinalIgnoreCase)
            .Select(g => new ScanLine(g.Key, g.Sum(i => i.Quantity)) { Scanned = g.Sum(i => i.Scanned) })
            .ToList();

    /// <summary>Writes the counts back onto the package lines, filling lines of the same goods in line order.</summary>
    private static void Record(Package package, List<ScanLine> lines)
    {
        foreach (var line in lines)
        {
            var left = line.Scanned;
            foreach (var packageLine in package.Lines.Where(l => string.Equals(l.MerchantCode, line.MerchantCode, StringComparison.OrdinalIgnoreCase)).OrderBy(l => l.LineNo))
            {
                packageLine.Scanned = Math.Min(left, packageLine.Quantity);
                left -= packageLine.Scanned;
            }
        }
    }

    /// <summary>The order's progress over all packages (lines by goods, units remaining), and each package's.</summary>
    private static JsonObject Progress(List<Package> packages)
    {
        var lines = packages.SelectMany(p => p.Lines).GroupBy(l => l.MerchantCode, StringComparer.OrdinalIgnoreCase)
            .Select(g => (JsonNode)new JsonObject { ["merchantCode"] = g.Key, ["quantity"] = g.Sum(l => l.Quantity), ["scanned"] = g.Sum(l => l.Scanned) });
        return new JsonObject
        {
            ["lines"] = new JsonArray([.. lines]),
            ["remaining"] = packages.Sum(p => p.Lines.Sum(l => l.Quantity - l.Scanned)),
            ["packages"] = OrderPackages.View(packages),
        };
    }

    private sealed class ScanLine(string merchantCode, int quantity)
    {
        public string MerchantCode { get; } = merchantCode;

        /// <summary>The code as scans compare it (width-folded, trimmed, case-insensitive).</summary>
        public string Key { get; } = Domain.MerchantCode.Normalize(merchantCode);

        public int Quantity { get; } = quantity;

        public int Scanned { get; set; }
    }
}

/// <summary>
/// 称重: waits on <c>Weighed</c> with <c>{ "weightKg": 1.25 }</c>, records the weight, prices the package from the carrier's
/// freight template (首重 + 续重 by province) and flags a weight off the goods' expected weight by more than
/// <c>tolerancePercent</c> (default 10). With several packages each is weighed (<c>packageId</c>) and priced on its own;
/// the order carries the totals once the last one is on the scale.
/// </summary>
public sealed class WeighShipActivity : OrderActivity
{
    public const string Bookmark = "Weighed";
    private const decimal DefaultTolerancePercent = 10m;

    public override ActivityDescriptor Descriptor { get; } = new("WeighShip", Category, "Weigh",
        [new InputDescriptor("tolerancePercent", "Weight tolerance %", InputType.Number, Description: "Flag packages whose weight differs from the goods' by more than this (default 10).")],
        ["Weighed"], SuspendsOnBookmark: true, Description: "Waits for the package's weight, prices the freight and flags a weight that does not fit the goods.");

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db) =>
        ActivityResult.Wait(Bookmark, new JsonObject
        {
            ["trackingNumber"] = order.TrackingNumber,
            ["packages"] = OrderPackages.View(await OrderPackages.LoadAsync(db, order, context.CancellationToken)),
        });

    protected override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, SalesOrder order, Stimulus stimulus, OrchestratorDbContext db)
    {
        var weighed = stimulus.Input?["weightKg"] is JsonValue value && value.TryGetValue<decimal>(out var kg) ? kg : 0m;
        if (weighed is <= 0 or > 1000)
        {
            throw new StimulusRejectedException("Send \"weightKg\" as a positive number up to 1000, e.g. 1.25.", "weightKg");
        }

        var packages = await OrderPackages.LoadAsync(db, order, context.CancellationToken);
        foreach (var package in OrderPackages.Targets(packages, stimulus.Input, PackageStatus.Weighed))
        {
            package.WeightKg = weighed;
            package.Reach(PackageStatus.Weighed);
        }

        Touch(order, context);
        if (packages.Any(p => p.Status < PackageStatus.Weighed))
        {
            return ActivityResult.Wait(Bookmark, new JsonObject { ["trackingNumber"] = order.TrackingNumber, ["packages"] = OrderPackages.View(packages) });
        }

        var weight = packages.Sum(p => p.WeightKg ?? 0m);
        var goodsIds = order.Lines.SelectMany(l => l.Items).Select(i => i.GoodsId).Distinct().ToList();
        var reference = context.GetRequiredService<ReferenceDataCache>();
        var weights = await reference.GoodsWeightsAsync(db, goodsIds, context.CancellationToken);
        var expected = order.Lines.SelectMany(l => l.Items).Sum(i => weights.GetValueOrDefault(i.GoodsId) * i.Quantity);
        var tolerance = context.Input("tolerancePercent") is { ValueKind: JsonValueKind.Number } t ? t.GetDecimal() : DefaultTolerancePercent;
        var outOfTolerance = expected > 0 && Math.Abs(weight - expected) / expected * 100m > tolerance;
        var rates = order.LogisticsCompanyId is { } carrier
            ? (await reference.CarrierAsync(db, carrier, context.CancellationToken))?.FreightRates ?? []
            : [];
        var rate = FreightRate.For(rates, order.ReceiverProvince);
        var freight = rate is null ? (decimal?)null : packages.Sum(p => rate.FeeFor(p.WeightKg ?? 0m));

        order.WeightKg = weight;
        order.ExpectedWeightKg = expected;
        order.IsWeightOutOfTolerance = outOfTolerance;
        order.FreightFee = freight;
        return ActivityResult.Follow("Weighed", new JsonObject
        {
            ["weightKg"] = weight,
            ["expectedWeightKg"] = expected,
            ["outOfTolerance"] = outOfTolerance,
            ["freightFee"] = freight,
        });
    }
}
