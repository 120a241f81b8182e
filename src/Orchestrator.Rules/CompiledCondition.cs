using System.Text.Json;

namespace Orchestrator.Rules;

/// <summary>Where a compiled comparison came from, to report it after evaluation.</summary>
internal sealed record CompiledCondition(string Path, RuleField Field, string Operator, JsonElement? Value, int Index);
