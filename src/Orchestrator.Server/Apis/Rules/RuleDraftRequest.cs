using Orchestrator.Rules;

namespace Orchestrator.Server.Apis.Rules;

/// <summary>An unsaved rule set tried in place of the scope's published one; never stored.</summary>
internal sealed record RuleDraftRequest(IReadOnlyList<ReviewRule?>? Rules);
