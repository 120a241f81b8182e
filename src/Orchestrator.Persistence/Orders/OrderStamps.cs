using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.Orders;
using Orchestrator.Persistence.Writes;

namespace Orchestrator.Persistence.Orders;

/// <summary>
/// What says whether an order and its packages changed since they were read: the order's version, and its packages'
/// count, version sum and highest id. Every change to the order, a line, an item, a package or a package line moves one
/// of them (<see cref="OrchestratorDbContext"/> bumps the version of the row holding a changed child) and package ids
/// only grow. Asked before nearly every workflow run that holds its order from the run before, so it is one statement
/// of the server's own (<see cref="StatementCache.QueryAsync"/>), not a query through EF's pipeline.
/// </summary>
public static class OrderStamps
{
    private static readonly ConditionalWeakTable<IModel, Shape> Shapes = new();

    /// <summary>The stamp of order <paramref name="orderId"/> as stored; null when there is no such order.</summary>
    public static Task<OrderStamp?> ReadAsync(OrchestratorDbContext db, long orderId, CancellationToken cancellationToken)
    {
        var shape = Shapes.GetValue(db.Model, model => Shape.Of(model, db.GetService<ISqlGenerationHelper>()));
        return StatementCache.QueryAsync(
            db, shape.Sql, (shape, orderId),
            static (command, s) => command.Parameters.Add(s.shape.Id.CreateParameter(command, s.shape.Parameter, s.orderId, nullable: false)),
            static async (reader, _, ct) => await reader.ReadAsync(ct)
                ? new OrderStamp(
                    Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture),
                    Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
                    Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
                    Convert.ToInt64(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture))
                : null,
            cancellationToken);
    }

    private sealed record Shape(string Sql, RelationalTypeMapping Id, string Parameter)
    {
        public static Shape Of(IModel model, ISqlGenerationHelper sql)
        {
            var orders = StoreTable.Of(model, typeof(SalesOrder), sql);
            var packages = StoreTable.Of(model, typeof(Package), sql);
            var id = sql.GenerateParameterNamePlaceholder("order");

            // Counted and summed in a derived table, so an order with no packages still answers (0, 0, 0).
            var text = $"SELECT o.{orders.Column(nameof(SalesOrder.Version))}, p.n, p.v, p.m "
                + $"FROM {orders.Name} o CROSS JOIN ("
                + $"SELECT COUNT(*) AS n, COALESCE(SUM({packages.Column(nameof(Package.Version))}), 0) AS v, "
                + $"COALESCE(MAX({packages.Column(nameof(Package.Id))}), 0) AS m "
                + $"FROM {packages.Name} "
                + $"WHERE {packages.Column(nameof(Package.OrderId))} = {id}) p "
                + $"WHERE o.{orders.Column(nameof(SalesOrder.Id))} = {id}";
            return new Shape(text, orders.Mapping(nameof(SalesOrder.Id)), sql.GenerateParameterName("order"));
        }
    }
}

/// <summary>An order's version, and its packages' count, version sum and highest id (0 when it has none).</summary>
public sealed record OrderStamp(int OrderVersion, int Packages, int PackageVersions, long LastPackageId);
