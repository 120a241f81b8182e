using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Lifecycle.Activities;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Server.Security;
using Orchestrator.Workflows.Execution;

namespace Orchestrator.Server.Apis.Review;

/// <summary>The review inbox's filters, shared by the list, its counts and its CSV export so each holds the same orders.</summary>
internal static class ReviewFilter
{
    /// <summary>Longer than any block reason a person would type; the column holds 2,000.</summary>
    public const int MaxReasonLength = 200;

    /// <summary>A year: enough for any backlog, and far from the minutes that would take the cut-off before year 1 (a 500).</summary>
    public const int MaxAgeMinutes = 525_600;

    /// <summary>The 400 naming <c>reason</c> or <c>olderThanMinutes</c> when the filter cannot be run as given; null when fine.</summary>
    public static IResult? Problem(string? reason, int? olderThanMinutes) =>
        reason?.Length > MaxReasonLength ? Problems.Invalid("reason", $"reason must be at most {MaxReasonLength} characters.")
        : reason?.Any(char.IsControl) == true ? Problems.Invalid("reason", "reason must not contain control characters.")
        : olderThanMinutes is < 0 or > MaxAgeMinutes ? Problems.Invalid("olderThanMinutes", $"olderThanMinutes is between 0 and {MaxAgeMinutes} (a year).")
        : null;

    /// <summary>
    /// The instances waiting for a reviewer that <paramref name="user"/> may see (a reviewer's shops; all for admins and ops
    /// leads), of one shop when given, with <paramref name="reason"/> in their block reasons when given.
    /// </summary>
    public static IQueryable<WorkflowInstanceRecord> Waiting(OrchestratorDbContext db, ClaimsPrincipal user, long? shopId, string? reason)
    {
        var waiting = db.WorkflowInstances.AsNoTracking()
            .Where(i => i.Status == WorkflowStatus.Suspended && i.WaitingFor == AwaitReviewActivity.Bookmark);
        if (shopId is { } shop)
        {
            waiting = waiting.Where(i => i.ShopId == shop);
        }

        if (!string.IsNullOrWhiteSpace(reason))
        {
            waiting = waiting.Where(i => i.BlockedReason != null && i.BlockedReason.Contains(reason));
        }

        if (user.ShopFilter() is { } assigned)
        {
            var shops = assigned.ToArray();
            waiting = waiting.Where(i => i.ShopId != null && shops.Contains(i.ShopId.Value));
        }

        return waiting;
    }

    /// <summary>Those waiting at least <paramref name="minutes"/> at <paramref name="now"/>; all when null.</summary>
    public static IQueryable<WorkflowInstanceRecord> OlderThan(this IQueryable<WorkflowInstanceRecord> waiting, int? minutes, DateTime now)
    {
        if (minutes is not { } age)
        {
            return waiting;
        }

        var before = now.AddMinutes(-age);
        return waiting.Where(i => i.UpdatedAt <= before);
    }
}
