using System.Text.Json.Nodes;
using Orchestrator.Workflows.Execution;
using Orchestrator.Workflows.Execution.ControlFlow;

namespace Orchestrator.Workflows.Tests.Validation;

/// <summary>A few <c>order.</c> fields, one of each type, as the lifecycle's resolver publishes them; validation only reads the list.</summary>
internal sealed class OrderFields : IFieldResolver
{
    public static ConditionFieldCatalog Catalog { get; } = new([new OrderFields()]);

    public string Prefix => "order";

    public IReadOnlyList<ConditionField> Fields { get; } =
    [
        new("order.payment", ConditionFieldType.Number, "Amount paid"),
        new("order.buyerMessage", ConditionFieldType.Text, "Buyer message"),
        new("order.isCod", ConditionFieldType.Boolean, "Cash on delivery"),
    ];

    public ValueTask<JsonNode?> ResolveAsync(string field, ActivityContext context) => throw new NotSupportedException("Validation never reads a value.");
}
