using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.Inventory;

namespace Orchestrator.Persistence.Inventory;

/// <summary>
/// Updates of stock counters (<c>StockItems</c>) a <see cref="StockLedger"/> recorded: reservations (conditional: never
/// more than is free), releases and deductions, sent together by <see cref="SendAsync"/>. The ledger sends them at once
/// inside the step's transaction, or, in a workflow run that writes stock at its commit, leaves them on the context
/// (<see cref="OrchestratorDbContext.StockAtCommit"/>) for its commit to send first thing (DESIGN.md §6, contract point 3).
/// <para>
/// Why at the commit: sent when the step decided, an update took the row's lock (and on SQLite the file's writer) there
/// and then, and kept it until the run committed, while the run's later steps queried and evaluated; with a few
/// best-selling goods every other order waited behind it (on PostgreSQL a reservation's update waited 134 ms on average,
/// a deduction's 257 ms). Then a step reserves by reading what is free, what the run already holds counted in
/// (<see cref="FreeDelta"/>), and the commit's conditional update still guards the count. When another order took the
/// units since the step read them, the commit fails with <see cref="StockClaimLostException"/>, nothing of the run is
/// stored, and the grain runs it again from its last commit, step by step, when the reservation is decided against the
/// stock as it is then (usually: out of stock, or another warehouse).
/// </para>
/// </summary>
public sealed class StockWrites
{
    private readonly List<StockWrite> _writes = [];

    /// <summary>True when nothing is left to send.</summary>
    public bool IsEmpty => _writes.Count == 0;

    /// <summary>How many writes are recorded: a mark to undo back to (<see cref="UndoTo"/>).</summary>
    public int Count => _writes.Count;

    /// <summary>How much more (or less, when negative) of a goods is free in a warehouse once these writes are sent.</summary>
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

    /// <summary>Reserves <paramref name="quantity"/> when sent, provided it is still free then.</summary>
    public void Reserve(long warehouseId, long goodsId, int quantity, DateTime now) =>
        _writes.Add(new StockWrite(warehouseId, goodsId, quantity, 0, now, null));

    /// <summary>
    /// Closes a reservation when sent: gives <paramref name="quantity"/> back (released) or takes it off the shelf too
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
    /// in the same order), and forgets them once all went through. When a reservation no longer fits, stops there and
    /// returns why (the caller rolls back what was sent); null when everything went through.
    /// </summary>
    internal async Task<StockClaimLostException?> SendAsync(OrchestratorDbContext db, CancellationToken cancellationToken)
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
                return new StockClaimLostException(warehouseId, goodsId, reserved);
            }

            if (write.Movement is { } movement)
            {
                movement.OnHandAfter = await db.StockItems.Where(s => s.WarehouseId == warehouseId && s.GoodsId == goodsId)
                    .Select(s => s.OnHand).FirstAsync(cancellationToken);
            }
        }

        _writes.Clear();
        return null;
    }

    /// <param name="Reserved">Added to the row's reserved count: positive reserves (conditionally), negative closes.</param>
    /// <param name="OnHand">Added to the row's on-hand count (a deduction takes it off).</param>
    private sealed record StockWrite(long WarehouseId, long GoodsId, int Reserved, int OnHand, DateTime At, StockMovement? Movement);
}

/// <summary>
/// A reservation a run made did not fit at its commit: other orders reserved the units since the run read them. Nothing
/// of the run is stored; it runs again from its last commit (see <see cref="StockWrites"/>).
/// </summary>
public sealed class StockClaimLostException(long warehouseId, long goodsId, int quantity)
    : DbUpdateConcurrencyException($"Warehouse {warehouseId} no longer has {quantity} of goods {goodsId} free: other orders reserved it after this run read the stock.")
{
    public long WarehouseId { get; } = warehouseId;

    public long GoodsId { get; } = goodsId;
}
