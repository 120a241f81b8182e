using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Orchestrator.Domain.Inventory;
using Orchestrator.Persistence.Writes;

namespace Orchestrator.Persistence.Inventory;

/// <summary>
/// An order's open reservations (state <see cref="ReservationState.Reserved"/>), tracked, for the ledger to close: read
/// at every ship confirmation, so by one statement of the server's own (<see cref="StatementCache.QueryAsync"/>) instead
/// of a tracked query through EF's pipeline, which cost several times the statement (shaping, identity resolution, a
/// snapshot of every column). A row comes back as a tracked stub holding what closing it reads and writes (key,
/// warehouse, goods, quantity, state); closing it changes its state and closing time, so its update writes only those.
/// A reservation the context already tracks is handed back as tracked, and left out when it is no longer open there
/// (closed earlier in the same unit of work, not yet saved).
/// </summary>
internal static class OpenReservations
{
    private static readonly ConditionalWeakTable<IModel, Shape> Shapes = new();

    public static async Task<List<StockReservation>> ReadAsync(OrchestratorDbContext db, long orderId, CancellationToken cancellationToken)
    {
        var shape = Shapes.GetValue(db.Model, model => Shape.Of(model, db.GetService<ISqlGenerationHelper>()));
        var stored = await StatementCache.QueryAsync(
            db, shape.Sql, (shape, orderId),
            static (command, s) =>
            {
                command.Parameters.Add(s.shape.Order.CreateParameter(command, s.shape.OrderParameter, s.orderId, nullable: false));
                command.Parameters.Add(s.shape.State.CreateParameter(command, s.shape.StateParameter, ReservationState.Reserved, nullable: false));
            },
            static async (reader, s, ct) =>
            {
                var rows = new List<StockReservation>();
                while (await reader.ReadAsync(ct))
                {
                    rows.Add(new StockReservation
                    {
                        Id = reader.GetInt64(0),
                        OrderId = s.orderId,
                        WarehouseId = reader.GetInt64(1),
                        GoodsId = reader.GetInt64(2),
                        Quantity = reader.GetInt32(3),
                        State = ReservationState.Reserved,
                    });
                }

                return rows;
            },
            cancellationToken);

        var open = new List<StockReservation>(stored.Count);
        foreach (var row in stored)
        {
            if (db.Tracked<StockReservation>(row.Id) is { } tracked)
            {
                if (tracked.State == ReservationState.Reserved)
                {
                    open.Add(tracked);
                }

                continue;
            }

            db.StockReservations.Attach(row);
            open.Add(row);
        }

        return open;
    }

    private sealed record Shape(string Sql, RelationalTypeMapping Order, string OrderParameter, RelationalTypeMapping State, string StateParameter)
    {
        public static Shape Of(IModel model, ISqlGenerationHelper sql)
        {
            var table = StoreTable.Of(model, typeof(StockReservation), sql);
            var text = $"SELECT {table.Column(nameof(StockReservation.Id))}, {table.Column(nameof(StockReservation.WarehouseId))}, "
                + $"{table.Column(nameof(StockReservation.GoodsId))}, {table.Column(nameof(StockReservation.Quantity))} "
                + $"FROM {table.Name} "
                + $"WHERE {table.Column(nameof(StockReservation.OrderId))} = {sql.GenerateParameterNamePlaceholder("order")} "
                + $"AND {table.Column(nameof(StockReservation.State))} = {sql.GenerateParameterNamePlaceholder("state")}";
            return new Shape(
                text,
                table.Mapping(nameof(StockReservation.OrderId)), sql.GenerateParameterName("order"),
                table.Mapping(nameof(StockReservation.State)), sql.GenerateParameterName("state"));
        }
    }
}
