namespace Orchestrator.Workflows.Execution.ControlFlow;

/// <summary>A field a Decision may test, as its <see cref="IFieldResolver"/> publishes it.</summary>
/// <param name="Name">The full path, e.g. <c>order.payment</c>.</param>
public sealed record ConditionField(string Name, ConditionFieldType Type, string Description);
