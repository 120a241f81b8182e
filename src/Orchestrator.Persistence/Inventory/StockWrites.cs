using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Orchestrator.Domain.Inventory;
using Orchestrator.Persistence.Diagnostics;
using Orchestrator.Persistence.Writes;

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
    private readonly List<Write> _writes = [];

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
        _writes.Add(new Write(warehouseId, goodsId, quantity, 0, now, null));

    /// <summary>
    /// Closes a reservation when sent: gives <paramref name="quantity"/> back (released) or takes it off the shelf too
    /// (deducted, <paramref name="movement"/> then learns what is left on hand).
    /// </summary>
    public void Close(long warehouseId, long goodsId, int quantity, bool deducted, DateTime now, StockMovement? movement) =>
        _writes.Add(new Write(warehouseId, goodsId, -quantity, deducted ? -quantity : 0, now, movement));

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
        var provider = PreparedWrites.ProviderOf(db);
        var statement = provider is DatabaseProvider.Sqlite or DatabaseProvider.PostgreSql
            && db.Database.CurrentTransaction?.GetDbTransaction() is { } transaction
            ? CounterUpdate.Of(db, transaction, provider)
            : null;
        foreach (var write in _writes.OrderBy(w => w.WarehouseId).ThenBy(w => w.GoodsId))
        {
            if (await (statement?.SendAsync(write, cancellationToken) ?? SendThroughEfAsync(db, write, cancellationToken)) is { } lost)
            {
                return lost;
            }
        }

        _writes.Clear();
        return null;
    }

    /// <summary>One write as EF's <c>ExecuteUpdate</c> (SQL Server, which the suite does not run against a live server).</summary>
    private static async Task<StockClaimLostException?> SendThroughEfAsync(OrchestratorDbContext db, Write write, CancellationToken cancellationToken)
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

        return null;
    }

    /// <param name="Reserved">Added to the row's reserved count: positive reserves (conditionally), negative closes.</param>
    /// <param name="OnHand">Added to the row's on-hand count (a deduction takes it off).</param>
    internal sealed record Write(long WarehouseId, long GoodsId, int Reserved, int OnHand, DateTime At, StockMovement? Movement);
}

/// <summary>
/// A stock counter's update as one statement of its own, on SQLite and PostgreSQL: the same <c>UPDATE</c> EF's
/// <c>ExecuteUpdate</c> sends, without EF's query pipeline on every commit (an expression tree built, its cache key
/// computed, parameters extracted), and returning what is left on hand, which a deduction's movement records (it was a
/// second query). A reservation's form keeps its condition (never more than is free); no row back means it no longer fit.
/// The SQL is made once per model from its metadata (table, columns, quoting, parameter types and conversions), as the
/// run's prepared writes are (<see cref="PreparedWrites"/>); on a SQLite group's connection the commands are kept, so
/// SQLite compiles each once.
/// </summary>
internal sealed class CounterUpdate
{
    private static readonly ConditionalWeakTable<IModel, Shape> Shapes = new();

    private readonly Shape _shape;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly StatementCache? _kept;
    private readonly DatabaseActivity? _activity;

    private CounterUpdate(Shape shape, DbConnection connection, DbTransaction transaction, StatementCache? kept, DatabaseActivity? activity)
    {
        _shape = shape;
        _connection = connection;
        _transaction = transaction;
        _kept = kept;
        _activity = activity;
    }

    /// <summary>The statements for <paramref name="db"/>'s model (on <paramref name="provider"/>), to send inside <paramref name="transaction"/>.</summary>
    public static CounterUpdate Of(OrchestratorDbContext db, DbTransaction transaction, DatabaseProvider? provider)
    {
        var shape = Shapes.GetValue(db.Model, model => Shape.Of(model.FindEntityType(typeof(StockItem))!, db.GetService<ISqlGenerationHelper>()));
        var connection = transaction.Connection ?? db.Database.GetDbConnection();
        return new CounterUpdate(shape, connection, transaction, StatementCache.For(db, connection, provider), db.Activity);
    }

    /// <summary>Sends one write; the claim that no longer fits when a reservation finds no row with enough free.</summary>
    internal async Task<StockClaimLostException?> SendAsync(StockWrites.Write write, CancellationToken cancellationToken)
    {
        var reserving = write.Reserved > 0;
        var command = StatementCache.Rent(_kept, _connection, _transaction, reserving ? _shape.ReserveSql : _shape.CloseSql);
        object? left;
        try
        {
            _shape.Bind(command, write);
            left = await command.ExecuteScalarAsync(cancellationToken);
        }
        finally
        {
            await StatementCache.ReturnAsync(_kept, command);
        }

        _activity?.CountRaw(1);
        if (left is null or DBNull)
        {
            if (reserving)
            {
                return new StockClaimLostException(write.WarehouseId, write.GoodsId, write.Reserved);
            }

            if (write.Movement is not null)
            {
                throw new InvalidOperationException($"Warehouse {write.WarehouseId} has no stock row for goods {write.GoodsId} to take the shipment off.");
            }

            return null;
        }

        if (write.Movement is { } movement)
        {
            movement.OnHandAfter = Convert.ToInt32(left, CultureInfo.InvariantCulture);
        }

        return null;
    }

    /// <summary>The two statements' SQL and how their parameters are made, once per model.</summary>
    private sealed class Shape(string reserveSql, string closeSql, ISqlGenerationHelper names, RelationalTypeMapping count, RelationalTypeMapping key, RelationalTypeMapping at)
    {
        public string ReserveSql { get; } = reserveSql;

        public string CloseSql { get; } = closeSql;

        /// <summary>The parameters' names, made once rather than on every write.</summary>
        private readonly string[] _names = [.. Enumerable.Range(0, 6).Select(index => names.GenerateParameterName("p" + index))];

        /// <summary>SQLite's and PostgreSQL's SQL (<c>RETURNING</c>; SQL Server would need <c>OUTPUT</c>).</summary>
        public static Shape Of(IEntityType type, ISqlGenerationHelper sql)
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            string Column(string property) => sql.DelimitIdentifier(type.FindProperty(property)!.GetColumnName(table)!);
            var (reserved, onHand, version, updatedAt) = (Column(nameof(StockItem.Reserved)), Column(nameof(StockItem.OnHand)), Column(nameof(StockItem.Version)), Column(nameof(StockItem.UpdatedAt)));
            var update = $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {reserved} = {reserved} + {P(0)}, {onHand} = {onHand} + {P(1)}, "
                + $"{version} = {version} + 1, {updatedAt} = {P(2)} WHERE {Column(nameof(StockItem.WarehouseId))} = {P(3)} AND {Column(nameof(StockItem.GoodsId))} = {P(4)}";
            var returning = $" RETURNING {onHand}";
            return new Shape(
                update + $" AND {onHand} - {reserved} >= {P(5)}" + returning,
                update + returning,
                sql,
                Mapping(nameof(StockItem.OnHand)),
                Mapping(nameof(StockItem.WarehouseId)),
                Mapping(nameof(StockItem.UpdatedAt)));

            string P(int index) => sql.GenerateParameterNamePlaceholder("p" + index);
            RelationalTypeMapping Mapping(string property) => (RelationalTypeMapping)type.FindProperty(property)!.GetRelationalTypeMapping();
        }

        public void Bind(DbCommand command, StockWrites.Write write)
        {
            var parameters = command.Parameters;
            parameters.Add(count.CreateParameter(command, Name(0), write.Reserved, nullable: false));
            parameters.Add(count.CreateParameter(command, Name(1), write.OnHand, nullable: false));
            parameters.Add(at.CreateParameter(command, Name(2), write.At, nullable: false));
            parameters.Add(key.CreateParameter(command, Name(3), write.WarehouseId, nullable: false));
            parameters.Add(key.CreateParameter(command, Name(4), write.GoodsId, nullable: false));
            if (write.Reserved > 0)
            {
                parameters.Add(count.CreateParameter(command, Name(5), write.Reserved, nullable: false));
            }
        }

        private string Name(int index) => _names[index];
    }
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
