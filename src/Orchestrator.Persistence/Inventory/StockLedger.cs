using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Inventory;
using Orchestrator.Persistence.Audit;
using Orchestrator.Persistence.Integrations;

namespace Orchestrator.Persistence.Inventory;

/// <summary>
/// Reserves, releases and deducts stock with conditional single-statement updates, so two orders racing for the last
/// units can never reserve more than is available, on any provider. The reservation rows and the counters commit or
/// roll back together with the step: the counters' updates are sent inside the step's transaction, or, in a workflow
/// run that writes stock at its commit (<see cref="OrchestratorDbContext.StockAtCommit"/>), first thing in the commit.
/// Reservations, releases and deductions are the workflow's and are not in the audit trail; a transfer is a person's
/// and is (the source by hand here, the target by the save interceptor).
/// </summary>
public sealed class StockLedger(OrchestratorDbContext db)
{
    /// <summary>
    /// Reserves every quantity in one warehouse, all or none; false when any goods is short. In a run that writes stock
    /// at its commit (<see cref="OrchestratorDbContext.StockAtCommit"/>) this reads what is free and records the
    /// reservations; otherwise it reserves with conditional updates inside the step's transaction.
    /// </summary>
    public async Task<bool> TryReserveAsync(long orderId, long warehouseId, IReadOnlyDictionary<long, int> quantities, DateTime now, CancellationToken cancellationToken)
    {
        if (db.StockAtCommit is { } atCommit)
        {
            // One statement for every goods of the warehouse; a goods it has no row for has nothing free there.
            var stored = await StockLevels.FreeAsync(db, [warehouseId], [.. quantities.Keys], cancellationToken);
            foreach (var (goodsId, quantity) in quantities)
            {
                if (!stored.TryGetValue((warehouseId, goodsId), out var free) || free + atCommit.FreeDelta(warehouseId, goodsId) < quantity)
                {
                    return false;
                }
            }

            foreach (var (goodsId, quantity) in quantities)
            {
                atCommit.Reserve(warehouseId, goodsId, quantity, now);
            }
        }
        else if (!await TryReserveNowAsync(warehouseId, quantities, now, cancellationToken))
        {
            return false;
        }

        StockSyncOutbox.Add(db, quantities.Keys, now);
        foreach (var (goodsId, quantity) in quantities)
        {
            db.StockReservations.Add(new StockReservation
            {
                OrderId = orderId,
                WarehouseId = warehouseId,
                GoodsId = goodsId,
                Quantity = quantity,
                State = ReservationState.Reserved,
                CreatedAt = now,
            });
        }

        return true;
    }

    /// <summary>
    /// A point to take back the reservations made after it (<see cref="UndoAsync"/>): reserving across warehouses is all
    /// or none. A savepoint of the step's transaction, or a count of the writes left for the commit.
    /// </summary>
    public async Task<StockMark> MarkAsync(string name, CancellationToken cancellationToken)
    {
        if (db.StockAtCommit is { } atCommit)
        {
            return new StockMark(name, atCommit.Count);
        }

        await db.BeginWorkAsync(cancellationToken);
        await db.Database.CurrentTransaction!.CreateSavepointAsync(name, cancellationToken);
        return new StockMark(name, null);
    }

    /// <summary>Takes back what was reserved for <paramref name="orderId"/> since <paramref name="mark"/>: the counters and the reservation rows.</summary>
    public async Task UndoAsync(StockMark mark, long orderId, CancellationToken cancellationToken)
    {
        if (mark.Writes is { } count)
        {
            db.StockAtCommit!.UndoTo(count);
        }
        else
        {
            await db.Database.CurrentTransaction!.RollbackToSavepointAsync(mark.Name, cancellationToken);
        }

        foreach (var added in db.ChangeTracker.Entries<StockReservation>().Where(e => e.State == EntityState.Added && e.Entity.OrderId == orderId).ToList())
        {
            added.State = EntityState.Detached;
        }
    }

    /// <summary>Reserves at once, inside the step's transaction (a savepoint undoes a part that did not fit).</summary>
    private async Task<bool> TryReserveNowAsync(long warehouseId, IReadOnlyDictionary<long, int> quantities, DateTime now, CancellationToken cancellationToken)
    {
        var writes = new StockWrites();
        foreach (var (goodsId, quantity) in quantities)
        {
            writes.Reserve(warehouseId, goodsId, quantity, now);
        }

        await db.BeginWorkAsync(cancellationToken);
        var savepoint = $"reserve_{warehouseId}";
        await db.Database.CurrentTransaction!.CreateSavepointAsync(savepoint, cancellationToken);
        if (await writes.SendAsync(db, cancellationToken) is not null)
        {
            await db.Database.CurrentTransaction.RollbackToSavepointAsync(savepoint, cancellationToken);
            return false;
        }

        return true;
    }

    /// <summary>
    /// 调拨: moves <paramref name="quantity"/> of one goods between warehouses, never more than the source has free (a
    /// conditional update, so a reservation racing it wins or loses whole), with a movement row on each side and the
    /// stock-sync mark, inside the caller's transaction. Returns what was free when it was not enough, else null.
    /// </summary>
    public async Task<int?> TryTransferAsync(
        long from, long to, long goodsId, int quantity, string reason, string reference, DateTime now, CancellationToken cancellationToken)
    {
        await db.BeginWorkAsync(cancellationToken);
        var taken = await db.StockItems.Where(s => s.WarehouseId == from && s.GoodsId == goodsId && s.OnHand - s.Reserved >= quantity)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.OnHand, s => s.OnHand - quantity).SetProperty(s => s.Version, s => s.Version + 1)
                .SetProperty(s => s.UpdatedAt, now), cancellationToken);
        if (taken == 0)
        {
            return await db.StockItems.Where(s => s.WarehouseId == from && s.GoodsId == goodsId).Select(s => s.OnHand - s.Reserved).FirstOrDefaultAsync(cancellationToken);
        }

        var target = await db.StockItems.FirstOrDefaultAsync(s => s.WarehouseId == to && s.GoodsId == goodsId, cancellationToken);
        if (target is null)
        {
            target = new StockItem { WarehouseId = to, GoodsId = goodsId };
            db.StockItems.Add(target);
        }

        target.OnHand += quantity;
        target.UpdatedAt = now;
        var sourceAfter = await db.StockItems.Where(s => s.WarehouseId == from && s.GoodsId == goodsId).Select(s => s.OnHand).FirstAsync(cancellationToken);
        db.StockMovements.Add(new StockMovement { WarehouseId = from, GoodsId = goodsId, Delta = -quantity, OnHandAfter = sourceAfter, Reason = reason, Reference = reference, At = now });

        // The source's count moved in SQL the change tracker never sees: its audit entry is written here, in the same transaction.
        db.AuditEntries.Add(AuditEntry.Of(AuditEntityTypes.StockItem, AuditEntityTypes.StockItemId(from, goodsId), AuditAction.Updated,
            [AuditChange.Of("onHand", sourceAfter + quantity, sourceAfter)], StockAudit.Summary(reason, reference)));
        db.StockMovements.Add(new StockMovement { WarehouseId = to, GoodsId = goodsId, Delta = quantity, OnHandAfter = target.OnHand, Reason = reason, Reference = reference, At = now });
        StockSyncOutbox.Add(db, [goodsId], now);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Gives back what the order holds (a cancel, a re-allocation).</summary>
    public Task<int> ReleaseAsync(long orderId, DateTime now, CancellationToken cancellationToken) =>
        CloseAsync(orderId, ReservationState.Released, now, cancellationToken);

    /// <summary>Takes what the order holds off the shelf at ship confirmation (确认发货), with an audit row per goods.</summary>
    public Task<int> DeductAsync(long orderId, string reference, DateTime now, CancellationToken cancellationToken) =>
        CloseAsync(orderId, ReservationState.Deducted, now, cancellationToken, reference);

    private async Task<int> CloseAsync(long orderId, ReservationState to, DateTime now, CancellationToken cancellationToken, string? reference = null)
    {
        var open = await OpenReservations.ReadAsync(db, orderId, cancellationToken);
        if (open.Count == 0)
        {
            return 0;
        }

        // Sent now, inside the step's transaction, unless the run sends stock at its commit.
        var writes = db.StockAtCommit ?? new StockWrites();
        StockSyncOutbox.Add(db, open.Select(r => r.GoodsId), now);
        foreach (var reservation in open)
        {
            var deducted = to == ReservationState.Deducted;
            reservation.State = to;
            reservation.ClosedAt = now;
            var movement = deducted
                ? new StockMovement
                {
                    WarehouseId = reservation.WarehouseId,
                    GoodsId = reservation.GoodsId,
                    Delta = -reservation.Quantity,
                    Reason = "发货出库 shipment",
                    Reference = reference,
                    At = now,
                }
                : null;

            // The movement learns what is left on hand when the update is sent.
            writes.Close(reservation.WarehouseId, reservation.GoodsId, reservation.Quantity, deducted, now, movement);
            if (movement is not null)
            {
                db.StockMovements.Add(movement);
            }
        }

        if (db.StockAtCommit is null)
        {
            await db.BeginWorkAsync(cancellationToken);
            await writes.SendAsync(db, cancellationToken);
        }

        return open.Count;
    }
}

/// <summary>Where <see cref="StockLedger.UndoAsync"/> goes back to: a savepoint's name, or the count of writes left for the commit.</summary>
public sealed record StockMark(string Name, int? Writes);
