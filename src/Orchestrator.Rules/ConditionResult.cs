using System.Text.Json;

namespace Orchestrator.Rules;

/// <summary>One comparison as evaluated: the order's actual value, the rule's expected value, and whether it held.</summary>
public sealed record ConditionResult(string Path, string Field, string Operator, JsonElement? Expected, object? Actual, bool Matched, string? Warning = null);
