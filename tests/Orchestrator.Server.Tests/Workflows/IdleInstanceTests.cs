using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Tests.Infrastructure;
using Orchestrator.Workflows.Runtime.Grains;
using Orleans.Runtime;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>
/// An instance waiting at picking leaves memory once idle (<c>Runtime:IdleInstanceSeconds</c>), so a deep backlog does
/// not keep every waiting order's grain and held order; the floor's next call brings it back from the database.
/// </summary>
public sealed class IdleInstanceTests(IdleInstancesSqliteFixture server) : LifecycleTestBase(server), IClassFixture<IdleInstancesSqliteFixture>
{
    [SkippableFact]
    public async Task An_instance_idle_at_its_wait_leaves_memory_and_the_next_floor_call_brings_it_back()
    {
        var tea = Unique("TEA");
        var shop = await CreateReadyShopAsync(tea);
        var orderId = await PushPaidOrderAsync(shop, tea);
        var instanceId = InstanceId(await WaitForAsync(orderId, bookmark: "PickConfirmed"));
        var grains = Server.Services.GetRequiredService<IGrainFactory>();
        Assert.True(await IsActiveAsync(grains, instanceId), "The instance's grain is not active right after its run.");

        var deadline = DateTime.UtcNow.AddSeconds(IdleInstancesSqliteFixture.IdleSeconds * 10);
        while (await IsActiveAsync(grains, instanceId))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The grain was still active {IdleInstancesSqliteFixture.IdleSeconds * 10} s after its last call.");
            await Task.Delay(250);
        }

        var picked = await FloorOkAsync(orderId, "pick:confirm", new JsonObject());
        Assert.Equal("Scanned", picked["instance"]!["waitingFor"]!.GetValue<string>());
        Assert.True(await IsActiveAsync(grains, instanceId));
        var scanned = await FloorOkAsync(orderId, "verify:scan", new JsonObject { ["barcode"] = tea });
        Assert.Equal("Weighed", scanned["instance"]!["waitingFor"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await PostFloorAsync(orderId, "weigh", new JsonObject { ["weightKg"] = 0.4 })).StatusCode);
    }

    [SkippableFact]
    public async Task An_instances_grain_reference_is_the_one_orleans_resolves_and_reaches_the_grain()
    {
        var grains = Server.Services.GetRequiredService<IGrainFactory>();
        var id = Guid.NewGuid();
        var ours = (GrainReference)grains.Instance(id);
        var theirs = (GrainReference)grains.GetGrain<IWorkflowInstanceGrain>(id);
        Assert.Equal((theirs.GrainId, theirs.InterfaceType), (ours.GrainId, ours.InterfaceType));
        Assert.NotEqual(ours.GrainId, ((GrainReference)grains.Instance(Guid.NewGuid())).GrainId);

        // Called through it, the instance's grain answers: no such instance is stored.
        Assert.Equal(ReplyKind.NotFound, (await grains.Instance(id).RetryAsync()).Kind);
    }

    private static async Task<bool> IsActiveAsync(IGrainFactory grains, Guid instanceId)
    {
        // The statistics name a grain class as "Namespace.Class,Assembly".
        var active = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return active.Any(g => g.GrainType.StartsWith(typeof(WorkflowInstanceGrain).FullName + ",", StringComparison.Ordinal) && g.GrainId.GetGuidKey() == instanceId);
    }
}
