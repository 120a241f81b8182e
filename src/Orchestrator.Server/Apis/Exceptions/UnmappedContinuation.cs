using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain;
using Orchestrator.Domain.Orders;
using Orchestrator.Lifecycle.Exceptions;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Intake;
using Orchestrator.Workflows.Runtime.Grains;

namespace Orchestrator.Server.Apis.Exceptions;

/// <summary>
/// 重新匹配: sends the orders waiting as <c>UnmappedSku</c> whose codes all map now back to review, which maps their lines
/// again and moves them on; the others stay, each with the codes it waits on. Shared by re-map and mapping a code.
/// </summary>
internal static class UnmappedContinuation
{
    /// <summary>Those of <paramref name="orders"/> that wait on <paramref name="merchantCode"/>, compared as codes are matched.</summary>
    public static IEnumerable<UnmappedOrder> WaitingOn(this IEnumerable<UnmappedOrder> orders, string merchantCode)
    {
        var code = MerchantCode.Normalize(merchantCode);
        return orders.Where(o => o.MerchantCodes.Any(c => c.Length > 0 && MerchantCode.Normalize(c) == code));
    }

    public static async Task<RemapResult> ContinueAsync(
        OrchestratorDbContext db, OrderInstances instances, IGrainFactory grains, string by, IReadOnlyList<UnmappedOrder> waiting, string? note, CancellationToken ct)
    {
        var catalog = await MerchantCodeCatalogs.LoadAsync(db, waiting.SelectMany(o => o.MerchantCodes), ct);
        var continued = new List<RemapItem>();
        var stillWaiting = new List<RemapItem>();
        foreach (var order in waiting)
        {
            var missing = catalog.Unmapped(order.MerchantCodes);
            var entry = await db.ExceptionQueue.AsNoTracking().FirstAsync(e => e.Id == order.EntryId, ct);
            string? reason = null;
            if (missing.Count > 0)
            {
                reason = "No goods or combo has merchant code " + string.Join(", ", missing.Select(c => c.Length == 0 ? "(a line without one)" : $"'{c}'")) + " yet.";
            }
            else if (entry.Source != ExceptionSource.Workflow)
            {
                reason = $"Set aside by {entry.RaisedBy ?? "a person"}, not by review: resolve entry {entry.Id} instead.";
            }
            else
            {
                var instanceId = await instances.RequiredAsync(db, order.OrderId, ct);
                var resolution = $"Re-mapped: {string.Join(", ", order.MerchantCodes)} map now. {note}".Trim();
                var reply = await grains.Instance(instanceId)
                    .ResumeAsync(entry.Bookmark ?? "Resolved", entry.Stage, ExceptionHolds.ReleaseDetails(by, resolution).ToJsonString());
                reason = reply.Kind == ReplyKind.Done ? null : reply.Message ?? reply.Kind.ToString();
            }

            var status = await db.SalesOrders.AsNoTracking().Where(o => o.Id == order.OrderId).Select(o => o.Status).FirstAsync(ct);
            (reason is null ? continued : stillWaiting).Add(new RemapItem(order.EntryId, order.OrderId, status.ToString(), missing, reason));
        }

        return new RemapResult(continued, stillWaiting);
    }
}
