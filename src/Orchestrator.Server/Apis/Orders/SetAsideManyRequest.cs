using FluentValidation;
using Orchestrator.Server.Apis.Exceptions;
using Orchestrator.Server.Apis.Review;

namespace Orchestrator.Server.Apis.Orders;

/// <summary>Set several orders aside with one <c>kind</c> (as for one order; default <c>Other</c>) and <c>detail</c>.</summary>
public sealed record SetAsideManyRequest(List<long>? OrderIds, string? Kind, string? Detail)
{
    public string? Kind { get; init; } = Kind ?? "Other";
}

/// <summary>What a batch set-aside did, and each order's outcome in the order sent.</summary>
public sealed record SetAsideManyResponse(int Succeeded, int Failed, IReadOnlyList<SetAsideResult> Results);

/// <summary>
/// One order's outcome: <c>status</c> is what <c>POST /api/orders/{id}/exceptions</c> would have answered (201, 403, 404,
/// 409); <c>entry</c> is the new queue entry (on 201), <c>problem</c> says why otherwise.
/// </summary>
public sealed record SetAsideResult(long OrderId, int Status, ExceptionQueueItem? Entry, BatchProblem? Problem);

internal sealed class SetAsideManyRequestValidator : AbstractValidator<SetAsideManyRequest>
{
    public SetAsideManyRequestValidator()
    {
        RuleFor(r => r.OrderIds).AreOrderIds();
        RuleFor(r => r.Kind)
            .Must(k => ExceptionsApi.RaisableKinds.Contains(k!, StringComparer.OrdinalIgnoreCase))
            .WithMessage($"kind is one of {string.Join(", ", ExceptionsApi.RaisableKinds)}.");
        RuleFor(r => r.Detail).MaximumLength(2000);
    }
}
