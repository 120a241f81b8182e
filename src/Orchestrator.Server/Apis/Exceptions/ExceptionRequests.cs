using FluentValidation;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Server.Apis.Exceptions;

/// <summary>Set an order aside: <c>kind</c> is one of <see cref="ExceptionsApi.RaisableKinds"/>; <c>detail</c> says what is wrong.</summary>
public sealed record RaiseExceptionRequest(string? Kind, string? Detail, string? By);

/// <summary>Resolve an entry: the order returns to the stage it left, or is cancelled when <c>cancelOrder</c> is true.</summary>
public sealed record ResolveExceptionRequest(string? By, string? Note, bool CancelOrder = false);

/// <summary>
/// Re-map and continue the orders waiting as <c>UnmappedSku</c>: all of them, or those of <c>shopId</c>, or those waiting on
/// <c>merchantCode</c>. An order continues (reviewed again from its mapped lines) only when every code it waits on maps now.
/// </summary>
public sealed record RemapRequest(string? MerchantCode, long? ShopId, string? Note);

/// <summary>One order a re-map looked at: the codes it still waits on, and why it did not continue when it did not.</summary>
public sealed record RemapItem(long EntryId, long OrderId, string OrderStatus, IReadOnlyList<string> StillUnmapped, string? Reason = null);

/// <summary>What a re-map did: the orders that continued, and those still waiting (with the codes they wait on).</summary>
public sealed record RemapResult(IReadOnlyList<RemapItem> Continued, IReadOnlyList<RemapItem> StillWaiting);

public sealed record ExceptionQueueItem(
    long Id,
    long OrderId,
    long ShopId,
    string PlatformOrderId,
    string Kind,
    string? Detail,
    string Source,
    string Stage,
    string OrderStatus,
    string? RaisedBy,
    DateTime RaisedAt,
    double AgeMinutes,
    DateTime? ResolvedAt,
    string? ResolvedBy,
    string? Resolution)
{
    /// <summary>
    /// For an open <c>UnmappedSku</c> entry, the merchant codes of its order that no goods or combo has yet, as the platform
    /// sent them ("" for a line without one): what to add before re-mapping; empty once all of them map (re-map it then).
    /// Null for every other entry.
    /// </summary>
    public IReadOnlyList<string>? WaitingOnCodes { get; init; }

    /// <summary>Whether <see cref="WaitingOnCodes"/> applies to this entry.</summary>
    internal bool WaitsOnCodes => ResolvedAt is null && Kind == nameof(OrderExceptionKind.UnmappedSku);

    public static ExceptionQueueItem From(ExceptionQueueEntry e, SalesOrder order, DateTime now) => From(e, order.PlatformOrderId, order.Status, now);

    public static ExceptionQueueItem From(ExceptionQueueEntry e, string platformOrderId, OrderStatus orderStatus, DateTime now) => new(
        e.Id, e.OrderId, e.ShopId, platformOrderId, e.Kind.ToString(), e.Detail, e.Source.ToString(), e.Stage, orderStatus.ToString(),
        e.RaisedBy, e.RaisedAt, Math.Round(((e.ResolvedAt ?? now) - e.RaisedAt).TotalMinutes, 1), e.ResolvedAt, e.ResolvedBy, e.Resolution);
}

internal sealed class RaiseExceptionRequestValidator : AbstractValidator<RaiseExceptionRequest>
{
    public RaiseExceptionRequestValidator()
    {
        RuleFor(r => r.Kind).NotEmpty()
            .Must(k => ExceptionsApi.RaisableKinds.Contains(k!, StringComparer.OrdinalIgnoreCase))
            .When(r => !string.IsNullOrEmpty(r.Kind))
            .WithMessage($"kind is one of {string.Join(", ", ExceptionsApi.RaisableKinds)}.");
        RuleFor(r => r.Detail).MaximumLength(2000);
        RuleFor(r => r.By).MaximumLength(100);
    }
}

internal sealed class RemapRequestValidator : AbstractValidator<RemapRequest>
{
    public RemapRequestValidator()
    {
        RuleFor(r => r.MerchantCode).MaximumLength(100);
        RuleFor(r => r.Note).MaximumLength(2000);
    }
}

internal sealed class ResolveExceptionRequestValidator : AbstractValidator<ResolveExceptionRequest>
{
    public ResolveExceptionRequestValidator()
    {
        RuleFor(r => r.By).MaximumLength(100);
        RuleFor(r => r.Note).MaximumLength(2000);
    }
}
