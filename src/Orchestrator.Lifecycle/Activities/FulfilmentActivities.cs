using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain;
using Orchestrator.Domain.MasterData;
using Orchestrator.Domain.Orders;
using Orchestrator.Lifecycle.Providers;
using Orchestrator.Lifecycle.Providers.Waybills;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Inventory;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Execution;

namespace Orchestrator.Lifecycle.Activities;

/// <summary>电子面单: one tracking number for the order's package, requested with the step's idempotency key.</summary>
public sealed class RequestWaybillActivity : OrderActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("RequestWaybill", Category, "Request e-waybill", [], ["Done"],
        Description: "Gets a tracking number from the order's carrier; a retry never takes a second one.");

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db)
    {
        if (order.TrackingNumber is { } kept)
        {
            // Back from a rejection at picking: the package keeps its waybill; pre-reported numbers cost money (seed 004).
            return ActivityResult.Follow("Done", new JsonObject { ["trackingNumber"] = kept, ["reused"] = true });
        }

        var waybill = await context.GetRequiredService<OrderWaybills>().IssueAsync(order, context.IdempotencyKey, context.CancellationToken);
        order.TrackingNumber = waybill.TrackingNumber;
        Touch(order, context);
        return ActivityResult.Follow("Done", new JsonObject { ["carrier"] = waybill.CarrierCode, ["trackingNumber"] = waybill.TrackingNumber });
    }
}

/// <summary>打单配货: the order is on a pick list; <c>PickConfirmed</c> with <c>{ "rejected": true, "reason": … }</c> sends it back to review.</summary>
public sealed class PickActivity : OrderActivity
{
    public const string Bookmark = "PickConfirmed";

    public override ActivityDescriptor Descriptor { get; } = new("Pick", Category, "Pick", [], ["Picked", "Rejected"],
        SuspendsOnBookmark: true, Description: "Waits until the picker confirms; a rejection goes back to review with a reason.");

    protected override ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db)
    {
        order.Status = OrderStatus.Picking;
        Touch(order, context);
        return ValueTask.FromResult(ActivityResult.Wait(Bookmark, new JsonObject { ["warehouseId"] = order.WarehouseId, ["trackingNumber"] = order.TrackingNumber }));
    }

    protected override ValueTask<ActivityResult> ResumeAsync(ActivityContext context, SalesOrder order, Stimulus stimulus, OrchestratorDbContext db)
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
            return ValueTask.FromResult(ActivityResult.Follow("Rejected", new JsonObject { ["reason"] = reason }));
        }

        return ValueTask.FromResult(ActivityResult.Follow("Picked"));
    }
}

/// <summary>
/// 验货出库: waits on <c>Scanned</c> while items are scanned one by one (<c>{ "barcode": "…", "quantity": 1 }</c>; a
/// merchant code label scans too) or all at once (<c>{ "items": [{ "merchantCode", "quantity" }] }</c>). A wrong item or
/// an over-scan is refused with a message and the count stays as it was; the order is verified when every line matches.
/// </summary>
public sealed class VerifyActivity : OrderActivity
{
    public const string Bookmark = "Scanned";

    public override ActivityDescriptor Descriptor { get; } = new("Verify", Category, "Verify", [], ["Verified"],
        SuspendsOnBookmark: true, Description: "Waits until every item is scanned against the order (验货).");

    protected override ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db) =>
        ValueTask.FromResult(ActivityResult.Wait(Bookmark, Progress(Expected(order))));

    protected override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, SalesOrder order, Stimulus stimulus, OrchestratorDbContext db)
    {
        var lines = Expected(order);
        if (stimulus.BookmarkPayload?["lines"] is JsonArray progress)
        {
            foreach (var line in lines)
            {
                line.Scanned = progress.FirstOrDefault(p => string.Equals(p?["merchantCode"]?.GetValue<string>(), line.MerchantCode, StringComparison.OrdinalIgnoreCase))
                    ?["scanned"]?.GetValue<int>() ?? 0;
            }
        }

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
        if (lines.Any(l => l.Scanned < l.Quantity))
        {
            return ActivityResult.Wait(Bookmark, Progress(lines));
        }

        order.Status = OrderStatus.Verified;
        return ActivityResult.Follow("Verified", Progress(lines));
    }

    private static async Task ScanAsync(List<ScanLine> lines, string barcode, int quantity, OrchestratorDbContext db, CancellationToken cancellationToken)
    {
        if (quantity is < 1 or > 10_000)
        {
            throw new StimulusRejectedException("quantity is a count from 1 up.", "quantity");
        }

        var code = MerchantCode.Normalize(barcode);
        var goods = await db.Goods.AsNoTracking().Where(g => g.Barcode == barcode.Trim() || g.NormalizedMerchantCode == code)
            .Select(g => new { g.MerchantCode, g.Name }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new StimulusRejectedException($"No goods has barcode '{barcode}'.", "barcode");
        var line = lines.FirstOrDefault(l => string.Equals(l.MerchantCode, goods.MerchantCode, StringComparison.OrdinalIgnoreCase))
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
        var counted = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            var code = item?["merchantCode"]?.ToString() ?? throw new StimulusRejectedException("Every scanned item needs a merchantCode.", "items");
            counted[code] = counted.GetValueOrDefault(code) + (item["quantity"]?.GetValue<int>() ?? 1);
        }

        var wrong = counted.Where(c => lines.FirstOrDefault(l => string.Equals(l.MerchantCode, c.Key, StringComparison.OrdinalIgnoreCase))?.Quantity != c.Value)
            .Select(c => c.Key)
            .Concat(lines.Where(l => !counted.ContainsKey(l.MerchantCode)).Select(l => l.MerchantCode))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (wrong.Count > 0)
        {
            throw new StimulusRejectedException($"Scanned items do not match the order: {string.Join(", ", wrong)}.", "items");
        }

        lines.ForEach(l => l.Scanned = l.Quantity);
    }

    private static List<ScanLine> Expected(SalesOrder order) =>
        order.Lines.SelectMany(l => l.Items)
            .GroupBy(i => i.MerchantCode, StringComparer.OrdinalIgnoreCase)
            .Select(g => new ScanLine(g.Key, g.Sum(i => i.Quantity)))
            .ToList();

    private static JsonObject Progress(List<ScanLine> lines) => new()
    {
        ["lines"] = new JsonArray([.. lines.Select(l => (JsonNode)new JsonObject { ["merchantCode"] = l.MerchantCode, ["quantity"] = l.Quantity, ["scanned"] = l.Scanned })]),
        ["remaining"] = lines.Sum(l => l.Quantity - l.Scanned),
    };

    private sealed class ScanLine(string merchantCode, int quantity)
    {
        public string MerchantCode { get; } = merchantCode;

        public int Quantity { get; } = quantity;

        public int Scanned { get; set; }
    }
}

/// <summary>
/// 称重: waits on <c>Weighed</c> with <c>{ "weightKg": 1.25 }</c>, records the weight, prices the package from the carrier's
/// freight template (首重 + 续重 by province) and flags a weight off the goods' expected weight by more than
/// <c>tolerancePercent</c> (default 10).
/// </summary>
public sealed class WeighShipActivity : OrderActivity
{
    public const string Bookmark = "Weighed";
    private const decimal DefaultTolerancePercent = 10m;

    public override ActivityDescriptor Descriptor { get; } = new("WeighShip", Category, "Weigh",
        [new InputDescriptor("tolerancePercent", "Weight tolerance %", InputType.Number, Description: "Flag packages whose weight differs from the goods' by more than this (default 10).")],
        ["Weighed"], SuspendsOnBookmark: true, Description: "Waits for the package's weight, prices the freight and flags a weight that does not fit the goods.");

    protected override ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db) =>
        ValueTask.FromResult(ActivityResult.Wait(Bookmark, new JsonObject { ["trackingNumber"] = order.TrackingNumber }));

    protected override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, SalesOrder order, Stimulus stimulus, OrchestratorDbContext db)
    {
        var weight = stimulus.Input?["weightKg"] is JsonValue value && value.TryGetValue<decimal>(out var kg) ? kg : 0m;
        if (weight is <= 0 or > 1000)
        {
            throw new StimulusRejectedException("Send \"weightKg\" as a positive number up to 1000, e.g. 1.25.", "weightKg");
        }

        var goodsIds = order.Lines.SelectMany(l => l.Items).Select(i => i.GoodsId).Distinct().ToList();
        var weights = await db.Goods.AsNoTracking().Where(g => goodsIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.WeightKg, context.CancellationToken);
        var expected = order.Lines.SelectMany(l => l.Items).Sum(i => weights.GetValueOrDefault(i.GoodsId) * i.Quantity);
        var tolerance = context.Input("tolerancePercent") is { ValueKind: JsonValueKind.Number } t ? t.GetDecimal() : DefaultTolerancePercent;
        var outOfTolerance = expected > 0 && Math.Abs(weight - expected) / expected * 100m > tolerance;
        var rates = order.LogisticsCompanyId is { } carrier
            ? await db.FreightRates.AsNoTracking().Where(r => r.LogisticsCompanyId == carrier).ToListAsync(context.CancellationToken)
            : [];
        var freight = FreightRate.For(rates, order.ReceiverProvince)?.FeeFor(weight);

        order.WeightKg = weight;
        order.ExpectedWeightKg = expected;
        order.IsWeightOutOfTolerance = outOfTolerance;
        order.FreightFee = freight;
        Touch(order, context);
        return ActivityResult.Follow("Weighed", new JsonObject
        {
            ["weightKg"] = weight,
            ["expectedWeightKg"] = expected,
            ["outOfTolerance"] = outOfTolerance,
            ["freightFee"] = freight,
        });
    }
}

/// <summary>确认发货: confirms the shipment to the platform with the step's idempotency key and marks the order shipped.</summary>
public sealed class ConfirmShipmentActivity : OrderActivity
{
    public override ActivityDescriptor Descriptor { get; } = new("ConfirmShipment", Category, "Confirm shipment", [], ["Done"],
        Description: "Sends carrier and tracking number to the platform, marks the order shipped and deducts its stock.");

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext context, SalesOrder order, OrchestratorDbContext db)
    {
        var confirmer = context.GetRequiredService<IShipmentConfirmer>();
        var tracking = order.TrackingNumber
            ?? throw new InvalidOperationException($"Order {order.Id} has no tracking number: it must pass RequestWaybill before ConfirmShipment.");
        var logisticsCode = order.LogisticsCompanyId is { } id
            ? await db.LogisticsCompanies.AsNoTracking().Where(l => l.Id == id).Select(l => l.PlatformLogisticsCode ?? l.Code).FirstOrDefaultAsync(context.CancellationToken)
            : null;
        var confirmation = await confirmer.ConfirmAsync(order, logisticsCode, tracking, context.IdempotencyKey, context.CancellationToken);
        order.Status = OrderStatus.Shipped;
        order.ShippedAt = confirmation.ConfirmedAt;

        // Seed 001: stock is deducted at ship confirmation (确认发货), from what allocation reserved.
        await context.GetRequiredService<StockLedger>().DeductAsync(order.Id, order.PlatformOrderId, context.Now, context.CancellationToken);
        Touch(order, context);
        return ActivityResult.Follow("Done", new JsonObject { ["trackingNumber"] = tracking, ["logisticsCode"] = logisticsCode });
    }
}
