using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Inventory;

namespace Orchestrator.Persistence.Inventory;

/// <summary>
/// The stock counters a workflow run changes, written at the run's commit instead of when its step decides
/// (DESIGN.md §6, contract point 3; <see cref="OrchestratorDbContext.StockAtCommit"/>). A reservation, release or
/// deduction is one conditional or unconditional <c>UPDATE</c> of a <c>StockItems</c> row. Sent when the step decided,
/// it took that row's lock (and on SQLite the file's writer) there and then, and kept it until the run committed: while
/// the run's later steps queried and evaluated, every other order needing that goods waited. With a few best-selling
/// goods that was every order: on PostgreSQL a reservation's update waited 134 ms on average, and a deduction 257 ms,
/// behind other runs' open transactions.
/// <para>
/// Here a step reserves by reading what is free (what the run already holds counted in) and recording the update; the
/// commit sends the updates first thing in its transaction, in goods order, and the lock is held only for the commit. A
/// reservation's update is still conditional (never more than is free). When it finds that another order took the units
/// since the step read them, the commit fails with <see cref="StockClaimLostException"/>, nothing of the run is stored,
/// and the grain runs it again from its last commit, step by step, when the reservation is decided against the stock as
/// it is then (usually: out of stock, or another warehouse).
/// </para>
/// </summary>
public sealed class StockAtCommit
{
    private readonly List<StockWrite> _writes = [];

    /// <summary>True when the run has nothing of stock to write.</summary>
    public bool IsEmpty => _writes.Count == 0;

    /// <summary>How many writes are recorded: a mark to undo back to (<see cref="UndoTo"/>).</summary>
    public int Count => _writes.Count;

    /// <summary>How much more (or less, when negative) of a goods is free in a warehouse once this run's writes are sent.</summary>
    public int FreeDelta(long warehouseId, long goodsId)
    {
        var delta = 0;
        foreach (var write in _writes)
        {
            if (write.WarehouseId == warehouseId && write.GoodsId == goodsId)
            {
                delta -= write.Reserved - write.OnHand;
            }
        }

        return delta;
    }

    /// <summary>Reserves <paramref name="quantity"/> at the commit, provided it is still free then.</summary>
    public void Reserve(long warehouseId, long goodsId, int quantity, DateTime now) =>
        _writes.Add(new StockWrite(warehouseId, goodsId, quantity, 0, now, null));

    /// <summary>
    /// Closes a reservation at the commit: gives <paramref name="quantity"/> back (released) or takes it off the shelf too
    /// (deducted, <paramref name="movement"/> then learns what is left on hand).
    /// </summary>
    public void Close(long warehouseId, long goodsId, int quantity, bool deducted, DateTime now, StockMovement? movement) =>
        _writes.Add(new StockWrite(warehouseId, goodsId, -quantity, deducted ? -quantity : 0, now, movement));

    /// <summary>Forgets the writes recorded after <paramref name="count"/> (<see cref="Count"/> taken earlier).</summary>
    public void UndoTo(int count) => _writes.RemoveRange(count, _writes.Count - count);

    /// <summary>Forgets every write (the run is undone).</summary>
    public void Clear() => _writes.Clear();

    /// <summary>
    /// Sends the writes inside <paramref name="db"/>'s transaction, ordered by warehouse and goods (so two runs lock rows
    /// in the same order), and forgets them once all went through. Throws <see cref="StockClaimLostException"/> when a
    /// reservation no longer fits.
    /// </summary>
    internal async Task WriteAsync(OrchestratorDbContext db, CancellationToken cancellationToken)
    {
        foreach (var write in _writes.OrderBy(w => w.WarehouseId).ThenBy(w => w.GoodsId))
        {
            var (warehouseId, goodsId, reserved, onHand, now) = (write.WarehouseId, write.GoodsId, write.Reserved, write.OnHand, write.At);
            var rows = db.StockItems.Where(s => s.WarehouseId == warehouseId && s.GoodsId == goodsId);
            if (reserved > 0)
            {
                rows = rows.Where(s => s.OnHand - s.Reserved >= reserved);
            }

            var updated = await rows.ExecuteUpdateAsync(set => set.SetProperty(s => s.Reserved, s => s.Reserved + reserved)
                .SetProperty(s => s.OnHand, s => s.OnHand + onHand).SetProperty(s => s.Version, s => s.Version + 1).SetProperty(s => s.UpdatedAt, now), cancellationToken);
            if (updated == 0 && reserved > 0)
            {
                throw new StockClaimLostException(warehouseId, goodsId, reserved);
            }

            if (write.Movement is { } movement)
            {
                movement.OnHandAfter = await db.StockItems.Where(s => s.WarehouseId == warehouseId && s.GoodsId == goodsId)
                    .Select(s => s.OnHand).FirstAsync(cancellationToken);
            }
        }

        _writes.Clear();
    }

    /// <param name="Reserved">Added to the row's reserved count: positive reserves (conditionally), negative closes.</param>
    /// <param name="OnHand">Added to the row's on-hand count (a deduction takes it off).</param>
    private sealed record StockWrite(long WarehouseId, long GoodsId, int Reserved, int OnHand, DateTime At, StockMovement? Movement);
}

/// <summary>
/// A reservation a run made did not fit at its commit: other orders reserved the units since the run read them. Nothing
/// of the run is stored; it runs again from its last commit (see <see cref="StockAtCommit"/>).
/// </summary>
public sealed class StockClaimLostException(long warehouseId, long goodsId, int quantity)
    : DbUpdateConcurrencyException($"Warehouse {warehouseId} no longer has {quantity} of goods {goodsId} free: other orders reserved it after this run read the stock.")
{
    public long WarehouseId { get; } = warehouseId;

    public long GoodsId { get; } = goodsId;
}
