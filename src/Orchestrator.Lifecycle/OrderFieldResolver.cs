using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence;
using Orchestrator.Workflows.Execution;
using Orchestrator.Workflows.Execution.ControlFlow;

namespace Orchestrator.Lifecycle;

/// <summary>The order fields a Decision may test, as <c>order.&lt;field&gt;</c>: a fixed list, never reflection.</summary>
public sealed class OrderFieldResolver : IFieldResolver
{
    private static readonly (string Name, ConditionFieldType Type, string Description, Func<SalesOrder, JsonNode?> Read)[] All =
    [
        ("id", ConditionFieldType.Number, "Order id", o => o.Id),
        ("shopId", ConditionFieldType.Number, "Shop id", o => o.ShopId),
        ("platformOrderId", ConditionFieldType.Text, "Platform order id", o => o.PlatformOrderId),
        ("platformStatus", ConditionFieldType.Text, "Status on the platform", o => o.PlatformStatus),
        ("status", ConditionFieldType.Text, "Order status", o => o.Status.ToString()),
        ("payment", ConditionFieldType.Number, "Amount paid (payment)", o => o.Payment),
        ("totalFee", ConditionFieldType.Number, "Total fee (total_fee)", o => o.TotalFee),
        ("postFee", ConditionFieldType.Number, "Freight (post_fee)", o => o.PostFee),
        ("discountFee", ConditionFieldType.Number, "Discount (discount_fee)", o => o.DiscountFee),
        ("isCod", ConditionFieldType.Boolean, "Cash on delivery", o => o.IsCod),
        ("buyerNick", ConditionFieldType.Text, "Buyer nick", o => o.BuyerNick),
        ("buyerMessage", ConditionFieldType.Text, "Buyer message (买家留言)", o => o.BuyerMessage),
        ("sellerMemo", ConditionFieldType.Text, "Seller memo (卖家备注)", o => o.SellerMemo),
        ("receiverProvince", ConditionFieldType.Text, "Receiver province", o => o.ReceiverProvince),
        ("receiverCity", ConditionFieldType.Text, "Receiver city", o => o.ReceiverCity),
        ("receiverDistrict", ConditionFieldType.Text, "Receiver district", o => o.ReceiverDistrict),
        ("lineCount", ConditionFieldType.Number, "Number of order lines", o => o.Lines.Count),
        ("quantity", ConditionFieldType.Number, "Total quantity over all lines", o => o.Lines.Sum(l => l.Quantity)),
        ("hasUnmappedSku", ConditionFieldType.Boolean, "A merchant code maps to no goods", o => o.HasUnmappedSku),
        ("warehouseId", ConditionFieldType.Number, "Allocated warehouse id", o => o.WarehouseId),
        ("logisticsCompanyId", ConditionFieldType.Number, "Carrier id", o => o.LogisticsCompanyId),
    ];

    private static readonly Dictionary<string, Func<SalesOrder, JsonNode?>> Readers =
        All.ToDictionary(f => f.Name, f => f.Read, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<ConditionField> Fields { get; } = [.. All.Select(f => new ConditionField($"order.{f.Name}", f.Type, f.Description))];

    public string Prefix => "order";

    public async ValueTask<JsonNode?> ResolveAsync(string field, ActivityContext context)
    {
        if (!Readers.TryGetValue(field, out var read))
        {
            throw new InvalidOperationException($"Decision '{context.Node.Id}': 'order.{field}' is not an order field; use one of {string.Join(", ", Readers.Keys)}.");
        }

        // The order as the run's steps left it (tracked, as OrderActivity finds it), else as stored.
        var db = context.GetRequiredService<OrchestratorDbContext>();
        var order = db.Tracked<SalesOrder>(context.OrderId)
            ?? await db.SalesOrders.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(o => o.Id == context.OrderId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Order {context.OrderId} no longer exists.");
        return read(order);
    }
}
