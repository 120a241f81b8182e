using System.Text.Json.Nodes;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>Paid orders of one 龙井 each for the demo shop, for tests that run the server process with demo data.</summary>
public static class DemoOrders
{
    /// <summary>An <c>orders:batch</c> body of <paramref name="count"/> orders whose ids start with <paramref name="prefix"/> (1-based).</summary>
    public static JsonObject Batch(string prefix, int count) =>
        new() { ["orders"] = new JsonArray(Enumerable.Range(1, count).Select(i => (JsonNode)Paid(prefix, i)).ToArray()) };

    public static JsonObject Paid(string prefix, int i) => new()
    {
        ["platformOrderId"] = $"{prefix}{i:D6}",
        ["status"] = "WAIT_SELLER_SEND_GOODS",
        ["buyerNick"] = $"buyer{i}",
        ["receiver"] = new JsonObject { ["name"] = "王小明", ["mobile"] = "13912345678", ["province"] = "浙江省", ["city"] = "杭州市", ["address"] = "文三路90号" },
        ["payTime"] = "2026-11-11T00:01:02+08:00",
        ["totalFee"] = 88,
        ["payment"] = 88,
        ["lines"] = new JsonArray(new JsonObject { ["platformLineId"] = $"{prefix}{i:D6}-1", ["merchantCode"] = "TEA-LJ-250", ["title"] = "龙井", ["quantity"] = 1, ["price"] = 88 }),
    };
}
