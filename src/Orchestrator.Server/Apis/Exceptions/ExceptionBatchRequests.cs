using FluentValidation;

namespace Orchestrator.Server.Apis.Exceptions;

/// <summary>Resolve several entries with one <c>note</c>: each order returns to the stage it left, or is cancelled when <c>cancelOrder</c> is true.</summary>
public sealed record ResolveManyRequest(List<long>? EntryIds, string? Note, bool CancelOrder = false);

/// <summary>What a batch resolution did: how many entries succeeded and failed, and each entry's outcome in the order sent.</summary>
public sealed record ResolveManyResponse(int Succeeded, int Failed, IReadOnlyList<ResolveManyResult> Results);

/// <summary>
/// One entry's outcome: <c>status</c> is what the single-entry endpoint would have answered (200, 403, 404, 409);
/// <c>entry</c> is the entry as resolved (on 200), <c>problem</c> says why otherwise.
/// </summary>
public sealed record ResolveManyResult(long EntryId, int Status, ExceptionQueueItem? Entry, BatchProblem? Problem);

internal sealed class ResolveManyRequestValidator : AbstractValidator<ResolveManyRequest>
{
    /// <summary>A page of the queue is 200 entries at most; a batch takes one page.</summary>
    public const int MaxEntries = 200;

    public ResolveManyRequestValidator()
    {
        RuleFor(r => r.EntryIds).NotEmpty()
            .Must(ids => ids!.Count <= MaxEntries).WithMessage($"At most {MaxEntries} entries per call; send the rest in another.")
            .Must(ids => ids!.All(id => id > 0)).WithMessage("An entry id is a positive whole number.");
        RuleFor(r => r.Note).MaximumLength(2000);
    }
}
