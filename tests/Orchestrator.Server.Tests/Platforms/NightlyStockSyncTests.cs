using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Integrations.Runtime.StockSync;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Platforms;

/// <summary>The nightly full push (seed 003 §5: 02:10 China time by default), here scheduled a few seconds ahead.</summary>
public sealed class NightlyStockSyncTests(NightlySyncFixture server) : LifecycleTestBase(server), IClassFixture<NightlySyncFixture>
{
    [SkippableFact]
    public async Task At_the_nightly_time_every_synced_item_is_pushed_again_and_a_drifted_listing_is_put_back()
    {
        var code = Unique("NIGHT");
        var shop = await CreateConnectedShopAsync("SYNC-NIGHT", code);
        await EnableStockSyncAsync(shop, 0.9m, 0, code);
        await server.Simulator.WaitForStockAsync("SYNC-NIGHT", code, 90);
        await server.Simulator.SetListingAsync("SYNC-NIGHT", code, 2);
        Assert.True(DateTimeOffset.UtcNow < server.NightlyAt, "Set-up took longer than the nightly lead; the run was missed.");

        await server.Simulator.WaitForStockAsync("SYNC-NIGHT", code, 90, seconds: 90);

        Assert.True(DateTimeOffset.UtcNow >= server.NightlyAt.AddSeconds(-1));
        Assert.Equal([90, 2, 90], await server.Simulator.StockUpdatesAsync("SYNC-NIGHT", code));
    }

    [Theory]
    [InlineData("2026-11-22T17:00:00Z", "2026-11-22T18:10:00Z")]
    [InlineData("2026-11-22T19:00:00Z", "2026-11-23T18:10:00Z")]
    [InlineData("2026-11-22T18:10:00Z", "2026-11-23T18:10:00Z")]
    public void The_next_run_is_the_next_0210_China_time(string now, string expected) =>
        Assert.Equal(
            DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            NightlyStockSync.NextRun(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(2, 10), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
}
