using System.Net;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Faults;

/// <summary>A full disk under SQLite: writes answer 507, nothing is half-written, the file stays sound, and freeing space is enough.</summary>
public sealed class SqliteDiskFullTests(DiskFullSqliteFixture server) : ApiTestBase(server), IClassFixture<DiskFullSqliteFixture>
{
    private DiskFullSqliteFixture Disk => (DiskFullSqliteFixture)Server;

    [SkippableFact]
    public async Task A_full_disk_refuses_writes_cleanly_and_the_server_recovers_once_space_is_freed()
    {
        var shop = (await CreateShopAsync()).Id;
        await Disk.FillAsync();

        // The database may still have free pages or room in its log: keep writing until the disk shows.
        var accepted = 0;
        string? refusedId = null;
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 2000 && refused is null; i++)
        {
            var id = Unique("TB");
            var response = await PostOrderAsync(shop, PaidOrder(id, ("TEA-1", 1), ("TEA-2", 2)));
            if (response.StatusCode == HttpStatusCode.Created)
            {
                accepted++;
            }
            else
            {
                (refused, refusedId) = (response, id);
            }
        }

        Assert.True(refused is not null, $"{accepted} orders were taken and none was refused (on tmpfs: {Disk.OnTmpfs}).");
        var problem = await ProblemAsync(refused, HttpStatusCode.InsufficientStorage);
        Assert.Equal("Disk full", problem["title"]!.GetValue<string>());

        // Nothing partial: the refused order is not there, every accepted one is, and the file is sound.
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/shops/{shop}/orders/{refusedId}")).StatusCode);
        Assert.Equal(accepted, await CountOrdersAsync(shop));
        Assert.Equal("ok", await Disk.IntegrityCheckAsync());

        await Disk.FreeAsync();
        await PushAsync(shop, PaidOrder(refusedId!, ("TEA-1", 1), ("TEA-2", 2)), HttpStatusCode.Created);
        Assert.Equal(accepted + 1, await CountOrdersAsync(shop));
        Assert.Equal("ok", await Disk.IntegrityCheckAsync());
    }
}
