using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestrator.Domain.MasterData;
using Orchestrator.Domain.Orders;
using Orchestrator.Integrations.Platforms;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Failures;
using Orchestrator.Persistence.Intake;
using Orchestrator.Persistence.Integrations;

namespace Orchestrator.Integrations.Runtime.Pull;

/// <summary>
/// The one pull path: the shop's platform adapter reads a window of changed orders, intake takes them like a batch push.
/// A trade intake could not store is refused and recorded with its reason instead of failing the window, so one bad
/// trade never stops a shop's intake.
/// </summary>
public sealed partial class OrderPuller(OrchestratorDbContext db, PlatformAdapters platforms, OrderIntake intake, TimeProvider clock, ILogger<OrderPuller> logger)
{
    /// <summary>The shop's adapter, or null when it has no platform connection.</summary>
    public async Task<IPlatformAdapter?> AdapterForAsync(Shop shop, CancellationToken cancellationToken)
    {
        var platform = await db.Platforms.AsNoTracking().Where(p => p.Id == shop.PlatformId).Select(p => p.Code).FirstAsync(cancellationToken);
        return platforms.For(shop.Code, platform);
    }

    /// <summary>Orders changed in [<paramref name="since"/>, <paramref name="until"/>], committed by intake and refusals recorded when this returns.</summary>
    public async Task<PullResult> PullAsync(IPlatformAdapter platform, Shop shop, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var pulled = await platform.PullOrdersAsync(since, until, cancellationToken);
        if (pulled.Count == 0)
        {
            return PullResult.Empty;
        }

        var refused = new List<RefusedTrade>();
        var takeable = new List<PlatformOrder>(pulled.Count);
        foreach (var order in pulled)
        {
            if (PlatformOrderCheck.FirstProblem(order) is { } problem)
            {
                LogRefused(logger, order.PlatformOrderId, shop.Id, problem.ToString());
                refused.Add(new RefusedTrade(order.PlatformOrderId, problem, order.ModifiedAt));
            }
            else
            {
                takeable.Add(order);
            }
        }

        IReadOnlyList<IntakeResult> taken;
        try
        {
            taken = takeable.Count == 0 ? [] : await intake.ReceiveAsync(shop, takeable, cancellationToken);
        }
        catch (DbUpdateException ex) when (!DatabaseFailure.IsTemporary(ex))
        {
            // The database refused something the check does not know: take the trades one at a time so only that one is left out.
            LogWindowRefused(logger, ex, shop.Id, takeable.Count);
            taken = await TakeOneByOneAsync(shop, takeable, refused, cancellationToken);
        }

        await RecordRefusalsAsync(shop.Id, taken, refused, cancellationToken);
        return new PullResult(taken, refused);
    }

    private async Task<List<IntakeResult>> TakeOneByOneAsync(Shop shop, List<PlatformOrder> orders, List<RefusedTrade> refused, CancellationToken cancellationToken)
    {
        var taken = new List<IntakeResult>(orders.Count);
        foreach (var order in orders)
        {
            db.ChangeTracker.Clear();
            try
            {
                taken.AddRange(await intake.ReceiveAsync(shop, [order], cancellationToken));
            }
            catch (DbUpdateException ex) when (!DatabaseFailure.IsTemporary(ex))
            {
                var problem = new OrderFieldProblem("order", $"The database refused it: {(ex.InnerException ?? ex).Message}");
                LogRefused(logger, order.PlatformOrderId, shop.Id, problem.ToString());
                refused.Add(new RefusedTrade(order.PlatformOrderId, problem, order.ModifiedAt));
            }
        }

        db.ChangeTracker.Clear();
        return taken;
    }

    /// <summary>Keeps one row per refused trade for a person; a trade taken since is no longer a problem.</summary>
    private async Task RecordRefusalsAsync(long shopId, IReadOnlyList<IntakeResult> taken, List<RefusedTrade> refused, CancellationToken cancellationToken)
    {
        var refusedIds = refused.Select(r => Key(r.PlatformOrderId)).ToHashSet(StringComparer.Ordinal);
        var takenIds = taken.Select(r => r.Order.PlatformOrderId).Where(id => !refusedIds.Contains(id)).Distinct().ToList();
        var ids = refusedIds.Concat(takenIds).ToList();
        var rows = await db.PullRefusals.Where(r => r.ShopId == shopId && ids.Contains(r.PlatformOrderId))
            .ToDictionaryAsync(r => r.PlatformOrderId, StringComparer.Ordinal, cancellationToken);
        if (refused.Count == 0 && rows.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var id in takenIds.Where(rows.ContainsKey))
        {
            db.PullRefusals.Remove(rows[id]);
        }

        foreach (var trade in refused)
        {
            if (!rows.TryGetValue(Key(trade.PlatformOrderId), out var row))
            {
                row = new PullRefusal { ShopId = shopId, PlatformOrderId = Key(trade.PlatformOrderId), Reason = "", FirstRefusedAt = now };
                db.PullRefusals.Add(row);
                rows[row.PlatformOrderId] = row;
            }

            row.Reason = trade.Problem.ToString() is { Length: > 2000 } reason ? reason[..2000] : trade.Problem.ToString();
            row.PlatformModifiedAt = trade.ModifiedAt;
            row.LastRefusedAt = now;
            row.Times++;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    // A trade refused for an over-long id is still recorded, under as much of the id as the column holds.
    private static string Key(string platformOrderId) =>
        platformOrderId.Length > PlatformOrderLimits.IdLength ? platformOrderId[..PlatformOrderLimits.IdLength] : platformOrderId;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database refused the {Count} trades pulled for shop {ShopId} together; taking them one at a time")]
    private static partial void LogWindowRefused(ILogger logger, Exception exception, long shopId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pulled trade {PlatformOrderId} of shop {ShopId} refused ({Reason}); the others are taken and the pull moves on")]
    private static partial void LogRefused(ILogger logger, string platformOrderId, long shopId, string reason);
}
