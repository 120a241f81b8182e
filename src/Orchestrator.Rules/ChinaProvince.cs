namespace Orchestrator.Rules;

/// <summary>One of China's provincial-level divisions: the official full name platforms send and the short name people type.</summary>
public sealed record ChinaProvince(string FullName, string ShortName) : IRuleFieldChoice;
