using System.Text.Json;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Validation;

namespace Orchestrator.Workflows.Tests.Validation;

public class WorkflowValidatorTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly ActivityDescriptor Review = new("ServiceReview", "Order", "Service review", [], ["Approved", "Blocked"], SuspendsOnBookmark: true);
    private static readonly WorkflowValidator Validator = new(new ActivityCatalog([.. ControlFlowActivities.All, Review]), maxActivities: 50, OrderFields.Catalog);

    // start → decision(True) → review(Approved, Blocked) → finish; decision(False) → finish
    private const string Valid = """
        {
          "definitionId": "sales-order", "name": "Sales order", "version": 1, "isPublished": true,
          "variables": [{ "name": "attempts", "type": "Number", "value": 0 }],
          "root": {
            "type": "Flowchart",
            "activities": [
              { "id": "start", "type": "Start", "metadata": { "designer": { "position": { "x": 0, "y": 0 } } } },
              { "id": "big", "type": "Decision", "condition": { "left": "order.payment", "operator": "gt", "right": 1000 } },
              { "id": "review", "type": "ServiceReview" },
              { "id": "finish", "type": "Finish" }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "big" } },
              { "source": { "activity": "big", "port": "True" }, "target": { "activity": "review" } },
              { "source": { "activity": "big", "port": "False" }, "target": { "activity": "finish" } },
              { "source": { "activity": "review", "port": "Approved" }, "target": { "activity": "finish" } },
              { "source": { "activity": "review", "port": "Blocked" }, "target": { "activity": "finish" } }
            ]
          }
        }
        """;

    private static WorkflowDefinition Parse(string json) => JsonSerializer.Deserialize<WorkflowDefinition>(json, Json)!;

    private static WorkflowDefinition Edit(Func<Flowchart, Flowchart> change)
    {
        var definition = Parse(Valid);
        return definition with { Root = change(definition.Root) };
    }

    private static DefinitionError Single(WorkflowDefinition definition, string code)
    {
        var errors = Validator.Validate(definition);
        return Assert.Single(errors, e => e.Code == code);
    }

    [Fact]
    public void Elsa_shaped_flowchart_reads_with_inputs_beside_the_id_and_passes()
    {
        var definition = Parse(Valid);

        Assert.Empty(Validator.Validate(definition));
        Assert.Equal("order.payment", definition.Root.Activities[1].Inputs["condition"].GetProperty("left").GetString());
        Assert.Equal(0, definition.Root.Activities[0].Metadata!.Designer!.Position!.X);
    }

    [Fact]
    public void Round_trip_keeps_inputs_where_elsa_puts_them()
    {
        var json = JsonSerializer.Serialize(Parse(Valid), Json);

        using var document = JsonDocument.Parse(json);
        var decision = document.RootElement.GetProperty("root").GetProperty("activities")[1];
        Assert.Equal("gt", decision.GetProperty("condition").GetProperty("operator").GetString());
        Assert.False(decision.TryGetProperty("inputs", out _));
        Assert.Empty(Validator.Validate(Parse(json)));
    }

    [Fact]
    public void Unknown_activity_type_is_named()
    {
        var error = Single(Edit(r => r with { Activities = [.. r.Activities.Select(a => a.Id == "review" ? a with { Type = "Teleport" } : a)] }), "UnknownActivityType");

        Assert.Equal(("root.activities[2].type", "review"), (error.Path, error.ActivityId));
    }

    [Fact]
    public void Connection_to_a_missing_activity_is_dangling()
    {
        var error = Single(Edit(r => r with { Connections = [.. r.Connections.Select((c, i) => i == 4 ? c with { Target = new Endpoint("ghost") } : c)] }), "DanglingConnection");

        Assert.Equal("root.connections[4].target.activity", error.Path);
        Assert.Contains("ghost", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Connection_from_a_port_the_activity_lacks_is_rejected()
    {
        var error = Single(Edit(r => r with { Connections = [.. r.Connections, new Connection(new Endpoint("review", "Maybe"), new Endpoint("finish"))] }), "UnknownPort");

        Assert.Contains("Approved, Blocked", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Activity_no_path_reaches_is_unreachable()
    {
        var island = new ActivityNode { Id = "island", Type = "Fork" };

        Assert.Equal("island", Single(Edit(r => r with { Activities = [.. r.Activities, island] }), "Unreachable").ActivityId);
    }

    [Fact]
    public void A_finish_no_path_reaches_is_named_as_a_finish_nothing_can_end_at()
    {
        var island = new ActivityNode { Id = "island", Type = "Finish" };

        var error = Single(Edit(r => r with { Activities = [.. r.Activities, island] }), "UnreachableFinish");

        Assert.Equal(("root.activities[4]", "island"), (error.Path, error.ActivityId));
        Assert.Equal("Finish 'island' cannot be reached from Start: no chain of connections from Start leads to it, so no instance ever ends there. Connect an outcome to it or remove it.",
            error.Message);
        Assert.DoesNotContain(Validator.Validate(Edit(r => r with { Activities = [.. r.Activities, island] })), e => e.Code == "Unreachable");
    }

    [Fact]
    public void An_outcome_connected_twice_is_refused_at_the_second_connection_naming_both_targets()
    {
        var second = new Connection(new Endpoint("big", "True"), new Endpoint("finish"));

        var error = Single(Edit(r => r with { Connections = [.. r.Connections, second] }), "OutcomeConnectedTwice");

        Assert.Equal(("root.connections[5].source.port", "big", "True"), (error.Path, error.ActivityId, error.Port));
        Assert.Equal("Outcome 'True' of activity 'big' (Decision) is connected twice: to 'review' (connection 1) and to 'finish' (connection 5). "
            + "Only a Fork starts several branches; remove one connection.", error.Message);
    }

    [Fact]
    public void The_same_connection_drawn_twice_is_an_outcome_connected_twice()
    {
        var error = Single(Edit(r => r with { Connections = [.. r.Connections, r.Connections[3]] }), "OutcomeConnectedTwice");

        Assert.Equal(("root.connections[5].source.port", "review", "Approved"), (error.Path, error.ActivityId, error.Port));
    }

    [Fact]
    public void A_fork_may_start_several_branches_from_one_outcome()
    {
        var fork = new ActivityNode { Id = "split", Type = "Fork" };
        var definition = Edit(r => r with
        {
            Activities = [.. r.Activities, fork],
            Connections =
            [
                new Connection(new Endpoint("start", "Done"), new Endpoint("split")),
                new Connection(new Endpoint("split", "Done"), new Endpoint("big")),
                new Connection(new Endpoint("split", "Done"), new Endpoint("review")),
                .. r.Connections.Skip(1),
            ],
        });

        Assert.Empty(Validator.Validate(definition));
    }

    [Fact]
    public void A_waiting_activity_with_an_outcome_left_unconnected_is_named_with_its_port()
    {
        var error = Single(Edit(r => r with { Connections = [.. r.Connections.Where(c => c.Source.Port != "Blocked")] }), "UnconnectedOutcome");

        Assert.Equal(("root.activities[2]", "review", "Blocked"), (error.Path, error.ActivityId, error.Port));
        Assert.StartsWith("Outcome 'Blocked' of activity 'review' (Service review) is not connected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_activity_that_does_not_wait_may_leave_an_outcome_unconnected()
    {
        Assert.Empty(Validator.Validate(Edit(r => r with { Connections = [.. r.Connections.Where(c => c.Source.Port != "False")] })));
    }

    [Fact]
    public void Missing_required_input_names_the_activity_and_input()
    {
        var error = Single(Edit(r => r with { Activities = [.. r.Activities.Select(a => a.Id == "big" ? a with { Inputs = [] } : a)] }), "MissingInput");

        Assert.Equal(("root.activities[1].condition", "big"), (error.Path, error.ActivityId));
    }

    [Theory]
    [InlineData("big", "condition", "\"payment > 1000\"", "must be {")]
    public void An_input_that_does_not_fit_its_type_is_named_with_what_would(string activityId, string input, string json, string hint)
    {
        var value = JsonDocument.Parse(json).RootElement.Clone();
        var definition = Edit(r => r with
        {
            Activities = [.. r.Activities.Select(a => a.Id == activityId ? a with { Inputs = new Dictionary<string, JsonElement> { [input] = value } } : a)],
        });

        var error = Single(definition, "InvalidInput");

        Assert.Equal(($"root.activities[1].{input}", activityId), (error.Path, error.ActivityId));
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_delay_with_an_unreadable_duration_is_rejected()
    {
        var delay = new ActivityNode { Id = "wait", Type = "Delay", Inputs = new Dictionary<string, JsonElement> { ["duration"] = JsonDocument.Parse("\"soon\"").RootElement.Clone() } };
        var definition = Edit(r => r with
        {
            Activities = [.. r.Activities, delay],
            Connections = [.. r.Connections, new Connection(new Endpoint("start", "Done"), new Endpoint("wait"))],
        });

        Assert.Equal("wait", Single(definition, "InvalidInput").ActivityId);
    }

    [Fact]
    public void A_definition_without_an_id_is_refused_at_its_root()
    {
        var error = Single(Parse(Valid) with { DefinitionId = " " }, "MissingDefinitionId");

        Assert.Equal("definitionId", error.Path);
    }

    [Fact]
    public void An_activity_without_an_id_is_named_by_its_position()
    {
        var definition = Edit(r => r with { Activities = [.. r.Activities.Select(a => a.Id == "review" ? a with { Id = "" } : a)] });

        Assert.Equal("root.activities[2].id", Single(definition, "MissingActivityId").Path);
    }

    [Fact]
    public void Loop_without_a_waiting_activity_is_rejected()
    {
        var loop = new Connection(new Endpoint("big", "False"), new Endpoint("big"));
        var definition = Edit(r => r with { Connections = [.. r.Connections.Where(c => c.Source.Port != "False"), loop] });

        Assert.Equal("big", Single(definition, "CycleWithoutWait").ActivityId);
    }

    [Fact]
    public void Loop_through_a_waiting_activity_is_allowed()
    {
        var backToDecision = new Connection(new Endpoint("review", "Blocked"), new Endpoint("big"));

        Assert.Empty(Validator.Validate(Edit(r => r with { Connections = [.. r.Connections.Where(c => c.Source.Port != "Blocked"), backToDecision] })));
    }

    [Fact]
    public void Second_start_is_rejected_and_a_missing_start_too()
    {
        var secondStart = new ActivityNode { Id = "start2", Type = "Start" };
        var twoStarts = Edit(r => r with
        {
            Activities = [.. r.Activities, secondStart],
            Connections = [.. r.Connections, new Connection(new Endpoint("start2", "Done"), new Endpoint("big"))],
        });
        var noStart = Edit(r => r with { Activities = [.. r.Activities.Where(a => a.Type != "Start")], Connections = [.. r.Connections.Skip(1)] });

        Assert.Equal("start2", Single(twoStarts, "MultipleStarts").ActivityId);
        Single(noStart, "MissingStart");
    }

    [Fact]
    public void Duplicate_activity_ids_are_rejected()
    {
        Assert.Equal("finish", Single(Edit(r => r with { Activities = [.. r.Activities, new ActivityNode { Id = "finish", Type = "Finish" }] }), "DuplicateActivityId").ActivityId);
    }

    [Fact]
    public void Oversized_flowchart_is_rejected_by_limit()
    {
        var many = Enumerable.Range(0, 51).Select(i => new ActivityNode { Id = $"a{i}", Type = "Finish" }).ToList();

        Single(Edit(r => r with { Activities = many, Connections = [] }), "TooManyActivities");
    }

    [Fact]
    public void Long_chains_validate_without_recursion()
    {
        var validator = new WorkflowValidator(new ActivityCatalog(ControlFlowActivities.All), maxActivities: 20_000);
        var nodes = new List<ActivityNode> { new() { Id = "start", Type = "Start" } };
        nodes.AddRange(Enumerable.Range(0, 10_000).Select(i => new ActivityNode { Id = $"s{i}", Type = "SetVariable", Inputs = new() { ["variable"] = JsonDocument.Parse("\"x\"").RootElement } }));
        var connections = nodes.Zip(nodes.Skip(1), (a, b) => new Connection(new Endpoint(a.Id, "Done"), new Endpoint(b.Id))).ToList();

        Assert.Empty(validator.Validate(new WorkflowDefinition { DefinitionId = "long", Root = new Flowchart { Activities = nodes, Connections = connections } }));
    }
}
