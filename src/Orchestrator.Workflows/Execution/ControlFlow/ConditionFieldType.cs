namespace Orchestrator.Workflows.Execution.ControlFlow;

/// <summary>The type of a field a Decision may test; it decides which operators fit.</summary>
public enum ConditionFieldType
{
    Text,
    Number,
    Boolean,
}
