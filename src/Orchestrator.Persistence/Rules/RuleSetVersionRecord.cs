namespace Orchestrator.Persistence.Rules;

/// <summary>One published, immutable version of a scope's review rules: the whole set as JSON. Every edit adds a row.</summary>
public sealed class RuleSetVersionRecord
{
    public long Id { get; set; }

    public RuleScopeKind ScopeKind { get; set; }

    /// <summary>The shop id or platform id.</summary>
    public long ScopeId { get; set; }

    public int Version { get; set; }

    /// <summary>The <c>RuleSet</c> JSON exactly as it is evaluated.</summary>
    public required string Json { get; set; }

    /// <summary>What made this version: <c>create r1</c>, <c>update r1</c>, <c>reorder</c>, <c>import</c>…</summary>
    public required string Change { get; set; }

    public DateTime CreatedAt { get; set; }
}
