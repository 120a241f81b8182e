namespace Orchestrator.Rules;

/// <summary>A standard value a field offers as a pick list: the official full name, the short name people type, and the
/// province it lies in where that narrows the list (cities).</summary>
public interface IRuleFieldChoice
{
    string FullName { get; }

    string ShortName { get; }

    string? Province => null;
}
