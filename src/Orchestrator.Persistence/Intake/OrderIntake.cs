using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Orchestrator.Domain;
using Orchestrator.Domain.Catalog;
using Orchestrator.Domain.MasterData;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence.GroupCommit;

namespace Orchestrator.Persistence.Intake;

/// <summary>
/// Stores platform pushes idempotently on (shop, platform order id): all orders of one call commit in one
/// transaction or none do. Copies of one order within a call collapse to one (<see cref="PlatformOrderCopies"/>).
/// </summary>
/// <remarks>
/// Where the database has a group commit (SQLite, PostgreSQL), the first attempt of a push shares it with the workflow
/// runs' commits instead of committing on its own (on SQLite, instead of making the open group commit before it); it
/// still answers only once committed. A push applied again after a lost race commits on its own: the race was with a row
/// another member had not committed yet, which it could not read.
/// </remarks>
public sealed partial class OrderIntake(
    OrchestratorDbContext db, TimeProvider clock, IEnumerable<IIntakeObserver> observers, ILogger<OrderIntake> logger, IGroupCommit? groupCommit = null)
{
    /// <summary>The order as intake would create it, mapped against the catalog but not stored (for dry runs).</summary>
    public async Task<SalesOrder> PreviewAsync(Shop shop, PlatformOrder incoming, CancellationToken cancellationToken) =>
        SalesOrder.Create(shop, incoming, await LoadCatalogAsync([incoming], cancellationToken), clock.GetUtcNow().UtcDateTime);

    /// <summary>How often a push is applied again after other pushes of its orders committed first; each lost race means one of them won.</summary>
    public const int MaxAttempts = 32;

    /// <summary>One result per order of <paramref name="orders"/>, in their order; observers see each applied order once.</summary>
    public async Task<IReadOnlyList<IntakeResult>> ReceiveAsync(Shop shop, IReadOnlyList<PlatformOrder> orders, CancellationToken cancellationToken)
    {
        var kept = PlatformOrderCopies.KeptCopies(orders);
        var applied = Enumerable.Range(0, orders.Count).Where(i => kept[i] == i).ToList();
        var results = await ReceiveUniqueAsync(shop, applied.Count == orders.Count ? orders : applied.Select(i => orders[i]).ToList(), cancellationToken);
        if (applied.Count == orders.Count)
        {
            return results;
        }

        var byIndex = applied.Select((index, n) => (index, n)).ToDictionary(x => x.index, x => results[x.n]);
        foreach (var (platformOrderId, count) in orders.CountBy(o => o.PlatformOrderId).Where(c => c.Value > 1))
        {
            LogCollapsed(logger, platformOrderId, shop.Id, count);
        }

        return orders.Select((_, i) => kept[i] == i ? byIndex[i] : new IntakeResult(byIndex[kept[i]].Order, IntakeOutcome.Duplicate, kept[i])).ToList();
    }

    private async Task<IReadOnlyList<IntakeResult>> ReceiveUniqueAsync(Shop shop, IReadOnlyList<PlatformOrder> orders, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ReceiveOnceAsync(shop, orders, attempt == 1 ? groupCommit : null, cancellationToken);
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts)
            {
                // Another push of the same order committed between our read and our write: read again and apply on top,
                // so a burst of pushes of one trade ends on the newest whatever order they commit in.
                LogConcurrentPush(logger, ex, shop.Id, attempt);
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<IReadOnlyList<IntakeResult>> ReceiveOnceAsync(
        Shop shop, IReadOnlyList<PlatformOrder> orders, IGroupCommit? group, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = orders.Select(o => o.PlatformOrderId).ToList();
        var existing = await db.SalesOrders
            .Where(o => o.ShopId == shop.Id && ids.Contains(o.PlatformOrderId))
            .AsSplitQuery()
            .ToDictionaryAsync(o => o.PlatformOrderId, StringComparer.Ordinal, cancellationToken);
        var catalog = await LoadCatalogAsync(orders, cancellationToken);

        var results = new List<IntakeResult>(orders.Count);
        foreach (var incoming in orders)
        {
            if (existing.TryGetValue(incoming.PlatformOrderId, out var order))
            {
                results.Add(new IntakeResult(order, order.Receive(incoming, catalog, now)));
            }
            else
            {
                order = SalesOrder.Create(shop, incoming, catalog, now);
                db.SalesOrders.Add(order);
                results.Add(new IntakeResult(order, IntakeOutcome.Created));
            }
        }

        foreach (var observer in observers)
        {
            await observer.BeforeSaveAsync(db, results, cancellationToken);
        }

        await SaveAsync(group, cancellationToken);
        foreach (var observer in observers)
        {
            await observer.AfterCommitAsync(results, cancellationToken);
        }

        foreach (var result in results.Where(r => r.Outcome != IntakeOutcome.Unchanged))
        {
            LogReceived(logger, result.Order.PlatformOrderId, shop.Id, result.Outcome, result.Order.Id, result.Order.Status);
        }

        return results;
    }

    /// <summary>Saves the push: in a share of the group commit when there is one, otherwise in EF's own transaction.</summary>
    private async Task SaveAsync(IGroupCommit? group, CancellationToken cancellationToken)
    {
        if (group is null || db.Database.CurrentTransaction is not null)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        db.GroupCommit = group;
        try
        {
            await db.BeginWorkAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await db.CommitWorkAsync(cancellationToken);
        }
        catch
        {
            await db.RollbackWorkAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            db.GroupCommit = null;
        }
    }

    private Task<MerchantCodeCatalog> LoadCatalogAsync(IReadOnlyList<PlatformOrder> orders, CancellationToken cancellationToken) =>
        MerchantCodeCatalogs.LoadAsync(db, orders.SelectMany(o => o.Lines).Select(l => l.MerchantCode), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Concurrent push for shop {ShopId}; applying it again against the committed state (attempt {Attempt})")]
    private static partial void LogConcurrentPush(ILogger logger, Exception exception, long shopId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {PlatformOrderId} of shop {ShopId} came {Count} times in one batch; only its newest copy is applied")]
    private static partial void LogCollapsed(ILogger logger, string platformOrderId, long shopId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {PlatformOrderId} of shop {ShopId} {Outcome} as {OrderId} ({Status})")]
    private static partial void LogReceived(ILogger logger, string platformOrderId, long shopId, IntakeOutcome outcome, long orderId, OrderStatus status);
}
