using System.Text.Json.Nodes;

namespace Orchestrator.Workflows.Execution.ControlFlow;

/// <summary>Supplies the value of a field path such as <c>order.payment</c> for conditions; registered per domain.</summary>
public interface IFieldResolver
{
    /// <summary>The prefix this resolver answers for, e.g. <c>order</c>.</summary>
    string Prefix { get; }

    ValueTask<JsonNode?> ResolveAsync(string field, ActivityContext context);
}
