using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>Publishing changes what new orders do; running instances stay on the version they started with. Own database: it republishes sales-order.</summary>
public abstract class WorkflowVersioningTests(ServerFixture server) : LifecycleTestBase(server)
{
    [SkippableFact]
    public async Task Publishing_v2_while_v1_instances_wait_lets_them_finish_on_v1_and_new_orders_start_v2()
    {
        var code = Unique("TEA");
        var shop = await CreateReadyShopAsync(code);
        var oldOrder = await PushPaidOrderAsync(shop, code);
        var onV1 = await WaitForAsync(oldOrder, bookmark: "PickConfirmed");
        var v1 = onV1["instance"]!["definitionVersion"]!.GetValue<int>();

        // An ops lead adds a step after Start and publishes.
        var definition = (await Client.GetFromJsonAsync<JsonObject>("/api/workflow-definitions/sales-order?version=published", ServerFixture.Json))!;
        var edited = new JsonObject
        {
            ["definitionId"] = "sales-order",
            ["name"] = definition["name"]!.DeepClone(),
            ["variables"] = definition["variables"]!.DeepClone(),
            ["root"] = definition["root"]!.DeepClone(),
        };
        var root = edited["root"]!.AsObject();
        root["activities"]!.AsArray().Add(new JsonObject { ["id"] = "mark", ["type"] = "SetVariable", ["variable"] = "lifecycle", ["value"] = "v2" });
        var fromStart = root["connections"]!.AsArray().Single(c => c!["source"]!["activity"]!.GetValue<string>() == "start")!;
        fromStart["target"]!["activity"] = "mark";
        root["connections"]!.AsArray().Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = "mark", ["port"] = "Done" },
            ["target"] = new JsonObject { ["activity"] = "import" },
        });
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsJsonAsync("/api/workflow-definitions/sales-order/draft", edited, ServerFixture.Json)).StatusCode);
        var published = await Client.PostAsync("/api/workflow-definitions/sales-order:publish", null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        var v2 = (await published.Content.ReadFromJsonAsync<JsonObject>(ServerFixture.Json))!["version"]!.GetValue<int>();
        Assert.Equal(v1 + 1, v2);

        var newOrder = await PushPaidOrderAsync(shop, code);
        var onV2 = await WaitForAsync(newOrder, bookmark: "PickConfirmed");
        Assert.Equal(v2, onV2["instance"]!["definitionVersion"]!.GetValue<int>());
        Assert.Equal("v2", onV2["variables"]!["lifecycle"]!.GetValue<string>());
        Assert.Contains("mark:Completed:Done", Steps(onV2));

        var finishedOnV1 = await ShipThroughFloorAsync(InstanceId(onV1));
        Assert.Equal("Finished", finishedOnV1["instance"]!["status"]!.GetValue<string>());
        Assert.Equal(v1, finishedOnV1["instance"]!["definitionVersion"]!.GetValue<int>());
        Assert.DoesNotContain("mark:Completed:Done", Steps(finishedOnV1));
        Assert.Equal("Finished", (await ShipThroughFloorAsync(InstanceId(onV2)))["instance"]!["status"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task A_shop_pinned_to_its_own_workflow_runs_it_and_a_Delay_wakes_on_its_timer()
    {
        var workflow = new JsonObject
        {
            ["definitionId"] = "cool-off",
            ["name"] = "Cool-off before review",
            ["root"] = new JsonObject
            {
                ["type"] = "Flowchart",
                ["activities"] = new JsonArray(
                    new JsonObject { ["id"] = "start", ["type"] = "Start" },
                    new JsonObject { ["id"] = "import", ["type"] = "ImportOrder" },
                    new JsonObject { ["id"] = "cool", ["type"] = "Delay", ["duration"] = "00:00:02" },
                    new JsonObject { ["id"] = "big", ["type"] = "Decision", ["condition"] = new JsonObject { ["left"] = "order.payment", ["operator"] = "gt", ["right"] = 100 } },
                    new JsonObject { ["id"] = "big-end", ["type"] = "Finish" },
                    new JsonObject { ["id"] = "small-end", ["type"] = "Finish" }),
                ["connections"] = new JsonArray(
                    Link("start", "Done", "import"), Link("import", "Imported", "cool"), Link("import", "Cancelled", "small-end"), Link("cool", "Done", "big"),
                    Link("big", "True", "big-end"), Link("big", "False", "small-end")),
            },
        };
        await PublishWorkflowAsync(workflow);
        var code = Unique("TEA");
        var shop = await CreatePinnedShopAsync("cool-off", code);
        Assert.Equal("cool-off", (await Client.GetFromJsonAsync<JsonObject>($"/api/shops/{shop}", ServerFixture.Json))!["workflowDefinitionId"]!.GetValue<string>());

        var orderId = await PushPaidOrderAsync(shop, code);

        var waiting = await WaitForAsync(orderId, bookmark: "Delay");
        Assert.Equal("cool-off", waiting["instance"]!["definitionId"]!.GetValue<string>());
        Assert.NotNull(waiting["instance"]!["nextWakeAt"]);
        var done = await WaitForAsync(orderId, status: "Finished", seconds: 60);
        Assert.Equal(["start:Completed:Done", "import:Completed:Imported", "cool:Suspended", "cool:Completed:Done", "big:Completed:True", "big-end:Completed:Done"],
            Steps(done));
    }
}

public sealed class SqliteWorkflowVersioningTests(LifecycleSqliteFixture server) : WorkflowVersioningTests(server), IClassFixture<LifecycleSqliteFixture>;

public sealed class PostgreSqlWorkflowVersioningTests(LifecyclePostgreSqlFixture server) : WorkflowVersioningTests(server), IClassFixture<LifecyclePostgreSqlFixture>;
