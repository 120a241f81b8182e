using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;

namespace Orchestrator.Server.Apis.Floor;

/// <summary>
/// A warehouse floor's actions on many orders in one call (a wave): each is <c>{ orderId, action, body }</c> where
/// <c>action</c> is <c>pick:confirm</c>, <c>pick:reject</c>, <c>verify:scan</c> or <c>weigh</c> and <c>body</c> is what
/// the single-order endpoint of that action takes.
/// </summary>
public sealed record FloorBatchRequest(List<FloorBatchItem>? Actions);

/// <summary>One action of a batch: on which order, which action, with which body (as the single-order endpoint's).</summary>
public sealed record FloorBatchItem(long OrderId, string? Action, JsonObject? Body);

internal sealed class FloorBatchRequestValidator : AbstractValidator<FloorBatchRequest>
{
    public const int MaxActions = 500;

    public FloorBatchRequestValidator()
    {
        RuleFor(r => r.Actions).NotEmpty().Must(a => a!.Count <= MaxActions)
            .WithMessage($"At most {MaxActions} actions per call; send the rest in another.");
        RuleForEach(r => r.Actions).ChildRules(item =>
        {
            item.RuleFor(i => i.OrderId).GreaterThan(0);
            item.RuleFor(i => i.Action).Must(a => a is not null && FloorAction.ByName.ContainsKey(a))
                .WithMessage($"Must be one of {string.Join(", ", FloorAction.ByName.Keys)}.");
            item.RuleFor(i => i.Body).Must(b => b?["packageId"] is null
                    || (b["packageId"]!.GetValueKind() == JsonValueKind.Number && b["packageId"]!.AsValue().TryGetValue<long>(out _)))
                .OverridePropertyName("body.packageId").WithMessage("A package id is a whole number.");
        });
    }
}
