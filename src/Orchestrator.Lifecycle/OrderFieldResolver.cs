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
    private static readonly Dictionary<string, Func<SalesOrder, JsonNode?>> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = o => o.Id,
        ["shopId"] = o => o.ShopId,
        ["platformOrderId"] = o => o.PlatformOrderId,
        ["platformStatus"] = o => o.PlatformStatus,
        ["status"] = o => o.Status.ToString(),
        ["payment"] = o => o.Payment,
        ["totalFee"] = o => o.TotalFee,
        ["postFee"] = o => o.PostFee,
        ["discountFee"] = o => o.DiscountFee,
        ["isCod"] = o => o.IsCod,
        ["buyerNick"] = o => o.BuyerNick,
        ["buyerMessage"] = o => o.BuyerMessage,
        ["sellerMemo"] = o => o.SellerMemo,
        ["receiverProvince"] = o => o.ReceiverProvince,
        ["receiverCity"] = o => o.ReceiverCity,
        ["receiverDistrict"] = o => o.ReceiverDistrict,
        ["lineCount"] = o => o.Lines.Count,
        ["quantity"] = o => o.Lines.Sum(l => l.Quantity),
        ["hasUnmappedSku"] = o => o.HasUnmappedSku,
        ["warehouseId"] = o => o.WarehouseId,
        ["logisticsCompanyId"] = o => o.LogisticsCompanyId,
    };

    public static IEnumerable<string> Names => Fields.Keys;

    public string Prefix => "order";

    public async ValueTask<JsonNode?> ResolveAsync(string field, ActivityContext context)
    {
        if (!Fields.TryGetValue(field, out var read))
        {
            throw new InvalidOperationException($"Decision '{context.Node.Id}': 'order.{field}' is not an order field; use one of {string.Join(", ", Fields.Keys)}.");
        }

        // The order as the run's steps left it (tracked, as OrderActivity finds it), else as stored.
        var db = context.GetRequiredService<OrchestratorDbContext>();
        var order = db.SalesOrders.Local.FirstOrDefault(o => o.Id == context.OrderId)
            ?? await db.SalesOrders.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(o => o.Id == context.OrderId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Order {context.OrderId} no longer exists.");
        return read(order);
    }
}
