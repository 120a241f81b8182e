using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Orders;
using Orchestrator.Lifecycle.Review;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Intake;
using Orchestrator.Persistence.Rules;
using Orchestrator.Server.Apis.Orders;
using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.Rules;

/// <summary>
/// Trying rules without publishing them: a dry run of one order, and an impact preview over the scope's recent orders,
/// each with the published sets or a draft in place of the scope's set. Nothing is stored.
/// </summary>
internal static class RuleDryRunApi
{
    public const int DefaultPreviewLimit = 500;
    public const int MaxPreviewLimit = 5000;

    public static IEndpointRouteBuilder MapRuleDryRunApi(this IEndpointRouteBuilder routes)
    {
        foreach (var (prefix, kind) in new[] { ("/api/shops/{scope}", RuleScopeKind.Shop), ("/api/platforms/{scope}", RuleScopeKind.Platform) })
        {
            routes.MapPost($"{prefix}/rules:test", (string scope, RuleTestRequest request, OrchestratorDbContext db, RuleSetStore store, RulesReviewPolicy policy,
                OrderIntake intake, IValidator<OrderRequest> validator, CancellationToken ct) =>
                RulesApi.InScope(kind, scope, db, id => TestAsync(kind, id, request, db, store, policy, intake, validator, ct), ct)).WithTags("Rules").ForOpsLeads();
            routes.MapPost($"{prefix}/rules:preview", (string scope, RulePreviewRequest request, OrchestratorDbContext db, RuleSetStore store, RuleImpactPreview preview,
                CancellationToken ct) => RulesApi.InScope(kind, scope, db, id => PreviewAsync(kind, id, request, store, preview, ct), ct)).WithTags("Rules").ForOpsLeads();
        }

        return routes;
    }

    private static async Task<IResult> TestAsync(
        RuleScopeKind kind, long scopeId, RuleTestRequest request, OrchestratorDbContext db, RuleSetStore store, RulesReviewPolicy policy, OrderIntake intake,
        IValidator<OrderRequest> validator, CancellationToken ct)
    {
        var (order, orderProblem) = await OrderAsync(kind, scopeId, request, db, intake, validator, ct);
        if (orderProblem is not null)
        {
            return orderProblem;
        }

        var (draft, draftProblem) = await RuleDrafts.CompileAsync(kind, scopeId, request.Draft, request.Rule, store, ct);
        if (draftProblem is not null)
        {
            return draftProblem;
        }

        // Nothing here is stored: the evaluation reads the database and the compiled rule sets only.
        var evaluation = await policy.EvaluateAsync(order!, draft, null, ct);
        return Results.Ok(new
        {
            decision = evaluation.Decision.Verdict.ToString(),
            reasons = evaluation.Decision.Reasons,
            holdUntil = evaluation.Decision.HoldUntil,
            builtIn = evaluation.BuiltInReason,
            platform = new { version = evaluation.PlatformVersion, evaluation.Platform.Verdict, evaluation.Platform.ApprovedByRuleId, evaluation.Platform.Rules, evaluation.Platform.Warnings },
            shop = new { version = evaluation.ShopVersion, evaluation.Shop.Verdict, evaluation.Shop.ApprovedByRuleId, evaluation.Shop.Rules, evaluation.Shop.Warnings },
            facts = evaluation.Facts,
            draft = draft is not null,
        });
    }

    private static async Task<IResult> PreviewAsync(
        RuleScopeKind kind, long scopeId, RulePreviewRequest request, RuleSetStore store, RuleImpactPreview preview, CancellationToken ct)
    {
        var limit = request.Limit ?? DefaultPreviewLimit;
        if (limit is < 1 or > MaxPreviewLimit)
        {
            return Problems.Invalid("limit", $"limit is how many recent orders to run, 1 to {MaxPreviewLimit} ({DefaultPreviewLimit} when absent).");
        }

        if (request.Draft is null && request.Rule is null)
        {
            return Problems.Invalid("draft", "Send a \"draft\" (a whole rule set) or a \"rule\" to preview against the published rules.");
        }

        var (draft, problem) = await RuleDrafts.CompileAsync(kind, scopeId, request.Draft, request.Rule, store, ct);
        return problem ?? Results.Ok(await preview.PreviewAsync(draft!, limit, ct));
    }

    private static async Task<(SalesOrder? Order, IResult? Problem)> OrderAsync(
        RuleScopeKind kind, long scopeId, RuleTestRequest request, OrchestratorDbContext db, OrderIntake intake, IValidator<OrderRequest> validator,
        CancellationToken ct)
    {
        if (request.OrderId is { } orderId)
        {
            var orders = db.SalesOrders.AsNoTracking().Include(o => o.Lines).ThenInclude(l => l.Items).Where(o => o.Id == orderId);
            var stored = await (kind == RuleScopeKind.Shop
                ? orders.Where(o => o.ShopId == scopeId)
                : orders.Where(o => db.Shops.Any(s => s.Id == o.ShopId && s.PlatformId == scopeId))).FirstOrDefaultAsync(ct);
            return stored is null ? (null, Problems.NotFound("Order", orderId)) : (stored, null);
        }

        if (request.Order is not { } body)
        {
            return (null, Problems.Invalid("order", "Send an intake-shaped \"order\" or an \"orderId\"."));
        }

        var shopId = kind == RuleScopeKind.Shop ? scopeId : request.ShopId;
        var shop = shopId is null ? null : await db.Shops.AsNoTracking().Include(s => s.Platform).FirstOrDefaultAsync(s => s.Id == shopId, ct);
        if (kind == RuleScopeKind.Platform && (shop is null || shop.PlatformId != scopeId))
        {
            return (null, Problems.Invalid("shopId", $"A pasted order on a platform needs \"shopId\": the id of a shop of platform {scopeId} it is for."));
        }

        var validation = await validator.ValidateAsync(body, ct);
        if (!validation.IsValid)
        {
            return (null, Problems.Invalid(validation.Errors.GroupBy(e => "order." + e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray())));
        }

        return (await intake.PreviewAsync(shop!, body.ToPlatformOrder(), ct), null);
    }
}
