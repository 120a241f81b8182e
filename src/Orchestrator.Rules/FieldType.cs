namespace Orchestrator.Rules;

/// <summary>The type of a rule field; it decides which operators apply and how values are read.</summary>
public enum FieldType
{
    Text,
    Number,
    Boolean,
    DateTime,
    TextList,
}
