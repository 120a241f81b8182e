using System.Text.Json;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Validation;

namespace Orchestrator.Workflows.Tests.Validation;

/// <summary>A Decision's condition against the field catalogue the resolvers publish.</summary>
public class ConditionChecksTests
{
    private static readonly WorkflowValidator Validator = new(new ActivityCatalog(ControlFlowActivities.All), fields: OrderFields.Catalog);

    private static IReadOnlyList<DefinitionError> Validate(string condition)
    {
        var decision = new ActivityNode { Id = "check", Type = "Decision", Inputs = new() { ["condition"] = JsonDocument.Parse(condition).RootElement.Clone() } };
        var definition = new WorkflowDefinition
        {
            DefinitionId = "decide",
            Root = new Flowchart
            {
                Activities = [new() { Id = "start", Type = "Start" }, decision, new() { Id = "end", Type = "Finish" }],
                Connections =
                [
                    new(new Endpoint("start", "Done"), new Endpoint("check")),
                    new(new Endpoint("check", "True"), new Endpoint("end")),
                    new(new Endpoint("check", "False"), new Endpoint("end")),
                ],
            },
        };
        return Validator.Validate(definition);
    }

    [Theory]
    [InlineData("""{ "left": "order.payment", "operator": "gt", "right": 100 }""")]
    [InlineData("""{ "left": "order.buyerMessage", "operator": "contains", "right": "发票" }""")]
    [InlineData("""{ "left": "order.isCod", "operator": "eq", "right": true }""")]
    [InlineData("""{ "left": "order.Payment", "operator": "ge", "right": 1 }""")]
    [InlineData("""{ "left": "variables.attempts", "operator": "contains", "right": "x" }""")]
    public void Known_fields_with_an_operator_of_their_type_and_any_variable_pass(string condition)
    {
        Assert.Empty(Validate(condition));
    }

    [Fact]
    public void A_misspelt_field_is_named_at_the_left_side_with_the_field_it_is_close_to()
    {
        var error = Assert.Single(Validate("""{ "left": "order.paymnt", "operator": "gt", "right": 100 }"""));

        Assert.Equal(("UnknownField", "root.activities[1].condition.left", "check"), (error.Code, error.Path, error.ActivityId));
        Assert.Equal("Activity 'check': 'Condition' names no field 'order.paymnt'; did you mean order.payment?", error.Message);
    }

    [Fact]
    public void A_field_far_from_any_lists_the_fields_of_its_prefix()
    {
        var error = Assert.Single(Validate("""{ "left": "order.weight", "operator": "gt", "right": 1 }"""));

        Assert.Equal("UnknownField", error.Code);
        Assert.EndsWith("the order fields are order.payment, order.buyerMessage, order.isCod.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_prefix_says_which_prefixes_there_are()
    {
        var error = Assert.Single(Validate("""{ "left": "nosuch.field", "operator": "eq", "right": 1 }"""));

        Assert.Equal("UnknownField", error.Code);
        Assert.EndsWith("fields start with 'variables.' or 'order.'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_variable_needs_a_name()
    {
        Assert.Equal("UnknownField", Assert.Single(Validate("""{ "left": "variables.", "operator": "eq", "right": 1 }""")).Code);
    }

    [Fact]
    public void An_operator_that_does_not_exist_is_named_at_the_operator_with_those_the_field_takes()
    {
        var error = Assert.Single(Validate("""{ "left": "order.isCod", "operator": "~=", "right": true }"""));

        Assert.Equal(("UnknownOperator", "root.activities[1].condition.operator"), (error.Code, error.Path));
        Assert.EndsWith("needs an operator, one of eq, ne.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_operator_that_does_not_fit_the_field_type_is_refused()
    {
        var error = Assert.Single(Validate("""{ "left": "order.isCod", "operator": "gt", "right": true }"""));

        Assert.Equal(("OperatorDoesNotFitField", "root.activities[1].condition.operator"), (error.Code, error.Path));
        Assert.Equal("Activity 'check': 'Condition': 'gt' does not apply to order.isCod (Boolean); use one of eq, ne.", error.Message);
    }

    [Fact]
    public void Without_resolvers_only_variables_are_fields()
    {
        var bare = new WorkflowValidator(new ActivityCatalog(ControlFlowActivities.All));
        var definition = new WorkflowDefinition
        {
            DefinitionId = "bare",
            Root = new Flowchart
            {
                Activities =
                [
                    new() { Id = "start", Type = "Start" },
                    new() { Id = "check", Type = "Decision", Inputs = new() { ["condition"] = JsonDocument.Parse("""{ "left": "order.payment", "operator": "gt", "right": 1 }""").RootElement.Clone() } },
                ],
                Connections = [new(new Endpoint("start", "Done"), new Endpoint("check"))],
            },
        };

        Assert.Contains(bare.Validate(definition), e => e.Code == "UnknownField");
    }
}
