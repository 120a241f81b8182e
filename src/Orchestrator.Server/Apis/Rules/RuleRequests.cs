using Orchestrator.Rules;
using Orchestrator.Server.Apis.Orders;

namespace Orchestrator.Server.Apis.Rules;

/// <summary>Adds or replaces one rule; <see cref="Version"/> is the rule-set version the edit was based on.</summary>
internal sealed record RuleWriteRequest(int? Version, ReviewRule? Rule);

/// <summary>A write that changes no rule body (enable, disable); carries the version it was based on.</summary>
internal sealed record RuleVersionRequest(int? Version);

/// <summary>The new order of the rules: priorities become 10, 20, 30… in this order.</summary>
internal sealed record RuleReorderRequest(int? Version, IReadOnlyList<string>? RuleIds);

/// <summary>Replaces the whole set, as exported.</summary>
internal sealed record RuleImportRequest(int? Version, IReadOnlyList<ReviewRule>? Rules);

/// <summary>A dry run: an intake-shaped order (as POST /api/shops/{id}/orders takes) or a stored order's id.</summary>
internal sealed record RuleTestRequest(OrderRequest? Order, long? OrderId);
