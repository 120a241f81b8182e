using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Orchestrator.Domain.Inventory;
using Orchestrator.Persistence.Writes;

namespace Orchestrator.Persistence.Inventory;

/// <summary>
/// What is free (on hand less reserved) of some goods in some warehouses, read by one statement of the server's own
/// (<see cref="StatementCache.QueryAsync"/>). The out-of-stock check and the allocation read it for every order; through
/// EF's query pipeline each read parameterized its two id lists anew (a list's <c>Contains</c> cannot be compiled once),
/// which cost several times the statement. Goods a warehouse has no row for are absent: nothing of them is free there.
/// </summary>
public static class StockLevels
{
    /// <summary>Goods per statement: with a strategy's warehouses well under SQL Server's 2,100 parameters.</summary>
    public const int MaxGoodsPerStatement = 500;

    private static readonly ConditionalWeakTable<IModel, Shape> Shapes = new();

    /// <summary>
    /// Free units by (warehouse, goods) for every pair of <paramref name="warehouseIds"/> × <paramref name="goodsIds"/>
    /// that has a stock row, read where <paramref name="db"/>'s queries run (its transaction when it has one).
    /// </summary>
    public static async Task<Dictionary<(long WarehouseId, long GoodsId), int>> FreeAsync(
        OrchestratorDbContext db, IReadOnlyList<long> warehouseIds, IReadOnlyList<long> goodsIds, CancellationToken cancellationToken)
    {
        if (warehouseIds.Count == 0 || goodsIds.Count == 0)
        {
            return [];
        }

        var shape = Shapes.GetValue(db.Model, model => Shape.Of(model, db.GetService<ISqlGenerationHelper>()));
        var free = new Dictionary<(long WarehouseId, long GoodsId), int>();

        // An order's goods fit one statement; a huge one is read in parts, under every database's parameter limit.
        for (var start = 0; start < goodsIds.Count; start += MaxGoodsPerStatement)
        {
            var part = start == 0 && goodsIds.Count <= MaxGoodsPerStatement ? goodsIds : goodsIds.Skip(start).Take(MaxGoodsPerStatement).ToList();
            await StatementCache.QueryAsync(
                db, shape.SqlFor(warehouseIds.Count, part.Count), (shape, warehouseIds, part, free),
                static (command, s) => s.shape.Bind(command, s.warehouseIds, s.part),
                static async (reader, s, ct) =>
                {
                    while (await reader.ReadAsync(ct))
                    {
                        s.free[(reader.GetInt64(0), reader.GetInt64(1))] = reader.GetInt32(2);
                    }

                    return s.free;
                },
                cancellationToken);
        }

        return free;
    }

    private sealed class Shape(string select, string warehouse, string goods, RelationalTypeMapping idMapping, ISqlGenerationHelper sql)
    {
        /// <summary>The text for each count of warehouses and goods, made on first use (a few shapes cover nearly every order).</summary>
        private readonly Dictionary<(int, int), string> _texts = [];
        private readonly Lock _sync = new();

        public static Shape Of(IModel model, ISqlGenerationHelper sql)
        {
            var table = StoreTable.Of(model, typeof(StockItem), sql);
            var warehouse = table.Column(nameof(StockItem.WarehouseId));
            var goods = table.Column(nameof(StockItem.GoodsId));
            var select = $"SELECT {warehouse}, {goods}, {table.Column(nameof(StockItem.OnHand))} - {table.Column(nameof(StockItem.Reserved))} "
                + $"FROM {table.Name} WHERE ";
            return new Shape(select, warehouse, goods, table.Mapping(nameof(StockItem.WarehouseId)), sql);
        }

        public string SqlFor(int warehouseCount, int goodsCount)
        {
            lock (_sync)
            {
                if (_texts.TryGetValue((warehouseCount, goodsCount), out var made))
                {
                    return made;
                }

                var text = new StringBuilder(select).Append(warehouse).Append(" IN (");
                AppendPlaceholders(text, "w", warehouseCount);
                text.Append(") AND ").Append(goods).Append(" IN (");
                AppendPlaceholders(text, "g", goodsCount);
                var built = text.Append(')').ToString();
                _texts[(warehouseCount, goodsCount)] = built;
                return built;
            }
        }

        public void Bind(DbCommand command, IReadOnlyList<long> warehouseIds, IReadOnlyList<long> goodsIds)
        {
            AddAll(command, "w", warehouseIds);
            AddAll(command, "g", goodsIds);
        }

        private void AppendPlaceholders(StringBuilder text, string prefix, int count)
        {
            for (var i = 0; i < count; i++)
            {
                text.Append(i == 0 ? string.Empty : ", ").Append(sql.GenerateParameterNamePlaceholder(Name(prefix, i)));
            }
        }

        private void AddAll(DbCommand command, string prefix, IReadOnlyList<long> ids)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                command.Parameters.Add(idMapping.CreateParameter(command, sql.GenerateParameterName(Name(prefix, i)), ids[i], nullable: false));
            }
        }

        private static string Name(string prefix, int index) => prefix + index.ToString(CultureInfo.InvariantCulture);
    }
}
