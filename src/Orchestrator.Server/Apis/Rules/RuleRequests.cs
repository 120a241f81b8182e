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

/// <summary>
/// A dry run: an intake-shaped order (as POST /api/shops/{id}/orders takes; on a platform with the <see cref="ShopId"/> it
/// is for) or a stored order's id, evaluated with the published sets, or with <see cref="Draft"/> in place of the scope's
/// set, or with <see cref="Rule"/> added to it (replacing the rule of the same id).
/// </summary>
internal sealed record RuleTestRequest(OrderRequest? Order, long? OrderId, RuleDraftRequest? Draft, ReviewRule? Rule, long? ShopId);

/// <summary>An impact preview of a draft set or one draft rule over the last <see cref="Limit"/> stored orders (500 when absent).</summary>
internal sealed record RulePreviewRequest(RuleDraftRequest? Draft, ReviewRule? Rule, int? Limit);
