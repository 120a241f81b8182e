using System.Text.Json.Nodes;
using FluentValidation;

namespace Orchestrator.Server.Apis.Review;

/// <summary>Approve a blocked order, optionally after editing it: <c>changes</c> may hold <c>receiver</c>, <c>sellerMemo</c>, <c>logisticsCompanyId</c>.</summary>
public sealed record ApproveRequest(string? Reviewer, string? Note, JsonObject? Changes);

/// <summary>Reject a blocked order: <c>mode</c> <c>cancel</c> (default) cancels it, <c>exception</c> sets it aside in the exception queue.</summary>
public sealed record RejectRequest(string? Reviewer, string? Reason, string? Mode);

public sealed record ReviewQueueItem(
    long OrderId,
    Guid InstanceId,
    long ShopId,
    string PlatformOrderId,
    string? BuyerNick,
    decimal Payment,
    string? BuyerMessage,
    string? SellerMemo,
    string ReceiverProvince,
    string ReceiverCity,
    string? ReceiverDistrict,
    string ReceiverAddress,
    IReadOnlyList<string> Reasons,
    DateTime WaitingSince,
    double AgeMinutes);

internal sealed class ApproveRequestValidator : AbstractValidator<ApproveRequest>
{
    public ApproveRequestValidator()
    {
        RuleFor(r => r.Reviewer).MaximumLength(64);
        RuleFor(r => r.Note).MaximumLength(500);
    }
}

internal sealed class RejectRequestValidator : AbstractValidator<RejectRequest>
{
    public RejectRequestValidator()
    {
        RuleFor(r => r.Reviewer).MaximumLength(64);
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(500);
        RuleFor(r => r.Mode).Must(m => m is null or "cancel" or "exception").WithMessage("mode is 'cancel' (default) or 'exception'.");
    }
}
