using System.Text.Json.Nodes;

namespace Orchestrator.Workflows.Execution.ControlFlow;

/// <summary>Supplies the value of a field path such as <c>order.payment</c> for conditions; registered per domain.</summary>
public interface IFieldResolver
{
    /// <summary>The prefix this resolver answers for, e.g. <c>order</c>.</summary>
    string Prefix { get; }

    /// <summary>Every field it answers, named with <see cref="Prefix"/> (<c>order.payment</c>): what validation accepts and the designer offers.</summary>
    IReadOnlyList<ConditionField> Fields { get; }

    ValueTask<JsonNode?> ResolveAsync(string field, ActivityContext context);
}
