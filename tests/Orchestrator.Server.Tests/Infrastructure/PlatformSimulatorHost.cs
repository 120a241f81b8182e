using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Orchestrator.Simulators.Platform;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>The platform simulator on its own loopback port, with the admin calls tests make.</summary>
public sealed class PlatformSimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    public PlatformSimulatorHost()
    {
        BaseUrl = $"http://127.0.0.1:{FreePorts.Next().ToString(CultureInfo.InvariantCulture)}";
        _app = PlatformSimulator.Build(["--urls", BaseUrl, "--Logging:LogLevel:Default", "Warning"]);
        Admin = new HttpClient { BaseAddress = new Uri(BaseUrl) };
    }

    public string BaseUrl { get; }

    public HttpClient Admin { get; }

    public Task StartAsync() => _app.StartAsync();

    /// <summary>Adds one paid trade of <paramref name="seller"/> with a line per merchant code and returns its tid.</summary>
    public async Task<long> AddTradeAsync(string seller, params string[] merchantCodes)
    {
        var response = await Admin.PostAsJsonAsync("/admin/trades", new JsonObject
        {
            ["trades"] = new JsonArray(new JsonObject
            {
                ["seller_nick"] = seller,
                ["payment"] = 100,
                ["total_fee"] = 100,
                ["orders"] = new JsonObject
                {
                    ["order"] = new JsonArray(merchantCodes.Select(c => (JsonNode)new JsonObject { ["outer_sku_id"] = c, ["num"] = 1, ["price"] = 100 }).ToArray()),
                },
            }),
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonArray>())![0]!["tid"]!.GetValue<long>();
    }

    /// <summary>Adds trades as given (TOP field names; a missing <c>tid</c> is assigned) and returns them as the platform stored them.</summary>
    public async Task<JsonArray> AddTradesAsync(params JsonObject[] trades)
    {
        var response = await Admin.PostAsJsonAsync("/admin/trades", new JsonObject { ["trades"] = new JsonArray(trades.Select(t => (JsonNode)t.DeepClone()).ToArray()) });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    /// <summary>A paid trade of <paramref name="seller"/> with one line per merchant code, as <see cref="AddTradesAsync"/> takes it.</summary>
    public static JsonObject Trade(string seller, params string[] merchantCodes) => new()
    {
        ["seller_nick"] = seller,
        ["payment"] = 100,
        ["total_fee"] = 100,
        ["orders"] = new JsonObject
        {
            ["order"] = new JsonArray(merchantCodes.Select(c => (JsonNode)new JsonObject { ["outer_sku_id"] = c, ["num"] = 1, ["price"] = 100 }).ToArray()),
        },
    };

    /// <summary>Shifts the seller's next order search: <paramref name="copies"/> served on page 1 besides its trades, page <paramref name="repeatPage"/> served twice.</summary>
    public async Task ShiftNextSearchAsync(string seller, JsonObject[]? copies = null, int? repeatPage = null)
    {
        var response = await Admin.PostAsJsonAsync("/admin/page-shifts", new JsonObject
        {
            ["seller"] = seller,
            ["copies"] = copies is null ? null : new JsonArray(copies.Select(c => (JsonNode)c.DeepClone()).ToArray()),
            ["repeat_page"] = repeatPage,
        });
        response.EnsureSuccessStatusCode();
    }

    public async Task FailNextAsync(string method, int count, string kind)
    {
        var response = await Admin.PostAsJsonAsync("/admin/faults", new JsonObject { ["method"] = method, ["count"] = count, ["kind"] = kind });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>How many shipments the platform has recorded, all trades together.</summary>
    public async Task<int> ShipmentCountAsync() => (await Admin.GetFromJsonAsync<JsonObject>("/admin/shipments/count"))!["count"]!.GetValue<int>();

    public async Task<JsonArray> ShipmentsAsync(long tid) => (await Admin.GetFromJsonAsync<JsonArray>($"/admin/shipments?tid={tid}"))!;

    /// <summary>How many offline sends reached the platform for <paramref name="tid"/>, accepted or refused.</summary>
    public async Task<int> SendsAsync(long tid) => (await Admin.GetFromJsonAsync<JsonObject>($"/admin/sends?tid={tid}"))!["sends"]!.GetValue<int>();

    /// <summary>Ship confirmations are recorded at once and answered <paramref name="milliseconds"/> later (0: at once).</summary>
    public async Task SetShipDelayAsync(int milliseconds) =>
        (await Admin.PutAsJsonAsync("/admin/ship-delay", new JsonObject { ["milliseconds"] = milliseconds })).EnsureSuccessStatusCode();

    /// <summary>The seller ships the trade on the platform itself (its own screen, another tool), with <paramref name="outSid"/>.</summary>
    public async Task ShipOnPlatformAsync(long tid, string outSid)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["method"] = "taobao.logistics.offline.send",
            ["tid"] = tid.ToString(CultureInfo.InvariantCulture),
            ["out_sid"] = outSid,
            ["company_code"] = "SF",
        });
        var answer = await (await Admin.PostAsync("/router/rest", content)).Content.ReadAsStringAsync();
        Assert.Contains("is_success", answer, StringComparison.Ordinal);
    }

    public async Task ClearFaultsAsync() => (await Admin.DeleteAsync("/admin/faults")).EnsureSuccessStatusCode();

    /// <summary>What the seller's listing of <paramref name="merchantCode"/> shows as sellable; null when no stock update reached it.</summary>
    public async Task<int?> StockAsync(string seller, string merchantCode, string api = "top")
    {
        var levels = (await Admin.GetFromJsonAsync<JsonArray>($"/admin/stock?api={api}&seller={Uri.EscapeDataString(seller)}"))!;
        return levels.FirstOrDefault(l => l!["outer_id"]!.GetValue<string>() == merchantCode)?["quantity"]!.GetValue<int>();
    }

    /// <summary>Polls until the listing shows <paramref name="expected"/>; fails with what it last showed.</summary>
    public async Task WaitForStockAsync(string seller, string merchantCode, int expected, string api = "top", int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        int? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await StockAsync(seller, merchantCode, api);
            if (last == expected)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{api} listing {merchantCode} of {seller} shows {last?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}, not {expected}, after {seconds} s.");
    }

    /// <summary>The platform changes its own count (a sale on the platform, a seller editing the listing by hand), through its own API.</summary>
    public async Task SetListingAsync(string seller, string merchantCode, int quantity)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["method"] = "taobao.item.quantity.update",
            ["session"] = seller,
            ["outer_id"] = merchantCode,
            ["quantity"] = quantity.ToString(CultureInfo.InvariantCulture),
        });
        (await Admin.PostAsync("/router/rest", content)).EnsureSuccessStatusCode();
        Assert.Equal(quantity, await StockAsync(seller, merchantCode));
    }

    /// <summary>Every stock update of one code the platform accepted, oldest first.</summary>
    public async Task<IReadOnlyList<int>> StockUpdatesAsync(string seller, string merchantCode) =>
        (await Admin.GetFromJsonAsync<JsonArray>("/admin/stock-updates"))!
            .Where(u => u!["seller"]?.GetValue<string>() == seller && u["outer_id"]?.GetValue<string>() == merchantCode)
            .Select(u => u!["quantity"]!.GetValue<int>()).ToList();

    /// <summary>The order searches the seller made, oldest first.</summary>
    /// <summary>How the platform writes <paramref name="time"/> in a call: China time to the second.</summary>
    public static string PlatformTime(DateTimeOffset time) => time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public async Task<JsonArray> PullsAsync(string seller, string api = "top") =>
        (await Admin.GetFromJsonAsync<JsonArray>($"/admin/pulls?api={api}&seller={Uri.EscapeDataString(seller)}"))!;

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await _app.DisposeAsync();
    }
}
