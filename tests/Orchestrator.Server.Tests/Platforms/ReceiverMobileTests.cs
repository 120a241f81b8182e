using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Platforms;

/// <summary>A pulled trade's receiver mobile: a mainland mobile is stored as its 11 digits, anything else as sent.</summary>
public sealed class ReceiverMobileTests(PlatformSqliteFixture server) : LifecycleTestBase(server), IClassFixture<PlatformSqliteFixture>
{
    private const string Seller = "PULL-PHONE";

    private PlatformSimulatorHost Simulator => server.Simulator;

    [SkippableFact]
    public async Task Mainland_mobiles_in_any_spelling_are_stored_as_11_digits_and_other_numbers_as_sent()
    {
        var code = Unique("PHONE");
        var shop = await CreateConnectedShopAsync(Seller, code);
        string[] mobiles = ["+86 138-0013-8000", "0086 138 0013 8000", "＋８６　１３８－００１３－８０００", "138-0013-8000", "0571-88888888", "+1 415-555-0100", "+852 9123 4567"];
        string[] stored = ["13800138000", "13800138000", "13800138000", "13800138000", "0571-88888888", "+1 415-555-0100", "+852 9123 4567"];
        var trades = await Simulator.AddTradesAsync(mobiles.Select(m =>
        {
            var trade = PlatformSimulatorHost.Trade(Seller, code);
            trade["receiver_mobile"] = m;
            return trade;
        }).ToArray());

        var since = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-10).ToString("O", CultureInfo.InvariantCulture));
        var pulled = await Client.PostAsync($"/api/shops/{shop}/orders:pull?since={since}", null);
        Assert.True(pulled.StatusCode == HttpStatusCode.OK, await pulled.Content.ReadAsStringAsync());

        var actual = new List<string>();
        foreach (var trade in trades)
        {
            var order = (await Client.GetFromJsonAsync<JsonObject>($"/api/shops/{shop}/orders/{trade!["tid"]}", ServerFixture.Json))!;
            actual.Add(order["receiver"]!["mobile"]!.GetValue<string>());
        }

        Assert.Equal(stored, actual);
    }
}
