using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Inventory;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>
/// A run's steps share one transaction: each is saved into it, and it commits when the instance waits, ends or faults
/// and around an activity that calls out (the carrier, the platform). Own database: it publishes its own workflow.
/// </summary>
public abstract class RunTransactionTests(ServerFixture server) : LifecycleTestBase(server)
{
    [SkippableFact]
    public async Task A_run_journals_every_step_but_commits_only_around_the_carrier_call_and_at_its_wait()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var orderId = await PushPaidOrderAsync(shop, code);

        var atPick = await WaitForAsync(orderId, bookmark: "PickConfirmed");

        Assert.Equal(7, Steps(atPick).Count());
        var id = InstanceId(atPick);
        var revision = await Server.WithDbAsync(db => db.WorkflowInstances.Where(i => i.Id == id).Select(i => i.Revision).SingleAsync());

        // Intake stores the row (revision 1). Seven steps, three commits: before the waybill request (start…allocate),
        // right after it, and at the pick wait.
        Assert.Equal(1 + 3, revision);
    }

    [SkippableFact]
    public async Task A_step_failing_mid_run_is_the_incident_and_the_steps_before_it_in_that_run_are_kept()
    {
        var workflow = new JsonObject
        {
            ["definitionId"] = "allocate-then-fail",
            ["name"] = "Allocate, then a decision on a field that does not exist",
            ["root"] = new JsonObject
            {
                ["type"] = "Flowchart",
                ["activities"] = new JsonArray(
                    new JsonObject { ["id"] = "start", ["type"] = "Start" },
                    new JsonObject { ["id"] = "import", ["type"] = "ImportOrder" },
                    new JsonObject { ["id"] = "allocate", ["type"] = "AllocateWarehouse" },
                    new JsonObject { ["id"] = "bad", ["type"] = "Decision", ["condition"] = new JsonObject { ["left"] = "order.payment", ["operator"] = "eq", ["right"] = 1 } },
                    new JsonObject { ["id"] = "end", ["type"] = "Finish" }),
                ["connections"] = new JsonArray(
                    Link("start", "Done", "import"), Link("import", "Imported", "allocate"), Link("import", "Cancelled", "end"),
                    Link("allocate", "Allocated", "bad"), Link("bad", "True", "end"), Link("bad", "False", "end")),
            },
        };
        await PublishWorkflowAsync(workflow);

        // Publishing refuses an unknown field now; a version stored before that check still reaches the runtime, so make one.
        await Server.WithDbAsync(db => db.WorkflowDefinitions.Where(d => d.DefinitionId == "allocate-then-fail")
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Json, d => d.Json.Replace("order.payment", "nosuch.field"))));
        var code = Unique("TEA");
        var shop = await CreatePinnedShopAsync("allocate-then-fail", code);
        var warehouse = await WarehouseOfAsync(shop);
        var before = await StockCountsAsync(warehouse, code);

        var orderId = await PushPaidOrderAsync(shop, code);

        var faulted = await WaitForAsync(orderId, status: "Faulted");
        Assert.Equal("bad", faulted["instance"]!["currentActivityId"]!.GetValue<string>());
        Assert.Contains("nosuch.field", Assert.Single(faulted["incidents"]!.AsArray())!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["start:Completed:Done", "import:Completed:Imported", "allocate:Completed:Allocated", "bad:Faulted"], Steps(faulted));

        // Allocation, saved earlier in the same run, was committed with the incident: its reservation holds the stock.
        Assert.Equal(before.Reserved + 1, (await StockCountsAsync(warehouse, code)).Reserved);
        Assert.Equal(ReservationState.Reserved, await Server.WithDbAsync(db =>
            db.StockReservations.Where(r => r.OrderId == orderId).Select(r => r.State).SingleAsync()));
    }
}

public sealed class SqliteRunTransactionTests(LifecycleSqliteFixture server) : RunTransactionTests(server), IClassFixture<LifecycleSqliteFixture>;

public sealed class PostgreSqlRunTransactionTests(LifecyclePostgreSqlFixture server) : RunTransactionTests(server), IClassFixture<LifecyclePostgreSqlFixture>;
