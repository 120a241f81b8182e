using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Workflows.Clustering;

/// <summary>One server with <c>Runtime:Clustering=AdoNet</c> on an empty PostgreSQL database: it installs the Orleans schema, joins through it and keeps timers in its reminder table.</summary>
public sealed class AdoNetRuntimeTests(AdoNetPostgreSqlFixture server) : LifecycleTestBase(server), IClassFixture<AdoNetPostgreSqlFixture>
{
    private PostgreSqlDatabase Database => ((PostgreSqlServerFixture)Server).Database!;

    [SkippableFact]
    public async Task An_order_ships_through_the_sales_order_lifecycle_on_a_silo_that_joined_through_the_membership_table()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);

        var order = await PushPaidOrderAsync(shop, code);
        var picking = await WaitForAsync(order, bookmark: "PickConfirmed");
        var shipped = await ShipThroughFloorAsync(InstanceId(picking));

        Assert.Equal("Finished", shipped["instance"]!["status"]!.GetValue<string>());
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM OrleansMembershipTable WHERE Status = 3"));
    }

    [SkippableFact]
    public async Task A_Delay_is_a_row_in_the_reminder_table_while_it_waits_and_wakes_the_instance_when_due()
    {
        var workflow = new JsonObject
        {
            ["definitionId"] = "adonet-cool-off",
            ["name"] = "Cool-off on a database reminder",
            ["root"] = new JsonObject
            {
                ["type"] = "Flowchart",
                ["activities"] = new JsonArray(
                    new JsonObject { ["id"] = "start", ["type"] = "Start" },
                    new JsonObject { ["id"] = "cool", ["type"] = "Delay", ["duration"] = "00:00:03" },
                    new JsonObject { ["id"] = "end", ["type"] = "Finish" }),
                ["connections"] = new JsonArray(Link("start", "Done", "cool"), Link("cool", "Done", "end")),
            },
        };
        await PublishWorkflowAsync(workflow);
        var code = Unique("TEA");
        var shop = await CreatePinnedShopAsync("adonet-cool-off", code);

        var order = await PushPaidOrderAsync(shop, code);
        var waiting = await WaitForAsync(order, bookmark: "Delay");
        var timers = $"SELECT COUNT(*) FROM OrleansRemindersTable WHERE ReminderName LIKE 'timer:%' AND GrainId LIKE '%{InstanceId(waiting):N}%'";
        await UntilAsync(async () => await Database.ScalarAsync(timers) == 1, "the Delay's reminder row to appear");

        var done = await WaitForAsync(order, status: "Finished", seconds: 60);
        Assert.Equal(["start:Completed:Done", "cool:Suspended", "cool:Completed:Done", "end:Completed:Done"], Steps(done));
        await UntilAsync(async () => await Database.ScalarAsync(timers) == 0, "the fired reminder's row to be removed");
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited 10 s for {what}.");
            await Task.Delay(100);
        }
    }
}
