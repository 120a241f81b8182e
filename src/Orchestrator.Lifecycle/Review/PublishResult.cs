using Orchestrator.Rules;

namespace Orchestrator.Lifecycle.Review;

/// <summary>
/// What publishing a rule-set edit came to: the new version (with the linter's warnings), validation errors, or a stale
/// base version.
/// </summary>
public sealed record PublishResult(int Version, RuleSet? Set, IReadOnlyList<RuleError> Errors, bool IsStale, IReadOnlyList<RuleError> Warnings)
{
    public static PublishResult Published(int version, RuleSet set, IReadOnlyList<RuleError> warnings) => new(version, set, [], false, warnings);

    public static PublishResult Invalid(IReadOnlyList<RuleError> errors) => new(0, null, errors, false, []);

    public static PublishResult Stale(int current) => new(current, null, [], true, []);
}
