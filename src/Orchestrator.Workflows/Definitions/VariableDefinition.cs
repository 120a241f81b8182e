using System.Text.Json;

namespace Orchestrator.Workflows.Definitions;

/// <summary>A named value an instance carries from activity to activity.</summary>
public sealed record VariableDefinition(string Name, string Type, JsonElement? Value = null);
