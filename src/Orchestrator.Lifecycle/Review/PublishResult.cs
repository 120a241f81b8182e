using Orchestrator.Rules;

namespace Orchestrator.Lifecycle.Review;

/// <summary>What publishing a rule-set edit came to: the new version, validation errors, or a stale base version.</summary>
public sealed record PublishResult(int Version, RuleSet? Set, IReadOnlyList<RuleError> Errors, bool IsStale)
{
    public static PublishResult Published(int version, RuleSet set) => new(version, set, [], false);

    public static PublishResult Invalid(IReadOnlyList<RuleError> errors) => new(0, null, errors, false);

    public static PublishResult Stale(int current) => new(current, null, [], true);
}
