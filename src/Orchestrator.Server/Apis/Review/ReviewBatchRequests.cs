using FluentValidation;

namespace Orchestrator.Server.Apis.Review;

/// <summary>Approve several blocked orders as they are (editing is one order at a time): <c>note</c> goes with each decision.</summary>
public sealed record ReviewBatchApproveRequest(List<long>? OrderIds, string? Note);

/// <summary>Reject several blocked orders with one <c>reason</c>; <c>mode</c> as for one order (<c>cancel</c> or <c>exception</c>).</summary>
public sealed record ReviewBatchRejectRequest(List<long>? OrderIds, string? Reason, string? Mode);

/// <summary>What a batch decision did: how many orders succeeded and failed, and each order's outcome in the order sent.</summary>
public sealed record ReviewBatchResponse(int Succeeded, int Failed, IReadOnlyList<ReviewBatchResult> Results);

/// <summary>
/// One order's outcome: <c>status</c> is what the single-order endpoint would have answered (200, 400, 403, 404, 409);
/// <c>problem</c> says why when it is not 200.
/// </summary>
public sealed record ReviewBatchResult(long OrderId, int Status, BatchProblem? Problem);

internal static class ReviewBatchRules
{
    /// <summary>A page of the inbox is 50 by default and 200 at most; a batch takes one page.</summary>
    public const int MaxOrders = 200;

    public static IRuleBuilderOptions<T, List<long>?> AreOrderIds<T>(this IRuleBuilder<T, List<long>?> rule) =>
        rule.NotEmpty()
            .Must(ids => ids!.Count <= MaxOrders).WithMessage($"At most {MaxOrders} orders per call; send the rest in another.")
            .Must(ids => ids!.All(id => id > 0)).WithMessage("An order id is a positive whole number.");
}

internal sealed class ReviewBatchApproveRequestValidator : AbstractValidator<ReviewBatchApproveRequest>
{
    public ReviewBatchApproveRequestValidator()
    {
        RuleFor(r => r.OrderIds).AreOrderIds();
        RuleFor(r => r.Note).MaximumLength(500);
    }
}

internal sealed class ReviewBatchRejectRequestValidator : AbstractValidator<ReviewBatchRejectRequest>
{
    public ReviewBatchRejectRequestValidator()
    {
        RuleFor(r => r.OrderIds).AreOrderIds();
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(500);
        RuleFor(r => r.Mode).Must(m => m is null or "cancel" or "exception").WithMessage("mode is 'cancel' (default) or 'exception'.");
    }
}
