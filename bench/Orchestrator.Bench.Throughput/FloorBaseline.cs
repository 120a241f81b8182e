using System.Data.Common;
using System.Diagnostics;

namespace Orchestrator.Bench.Throughput;

/// <summary>
/// The floor: the rows the orchestrator wrote for the run's orders (orders, lines, instance state, journal,
/// reservations, stock movements, waybills, confirmations), written again by a minimal batched ADO.NET loop (prepared
/// inserts, one transaction per <see cref="BatchRows"/> rows) into a copy of the same database emptied of them. It is
/// the least any system must do to store that outcome; orchestrator time / floor time is the overhead of everything
/// else (HTTP, the grains, one commit per step, rules, waybill and platform calls).
/// </summary>
internal static class FloorBaseline
{
    /// <summary>Parents first: the order the floor inserts in (and deletes in reverse), each with the rows of the measured orders.</summary>
    public static readonly (string Table, string Where)[] Scoped =
    [
        ("SalesOrders", "\"ShopId\" = @shop"),
        ("SalesOrderLines", "\"OrderId\" IN (SELECT \"Id\" FROM \"SalesOrders\" WHERE \"ShopId\" = @shop)"),
        ("SalesOrderLineItems", "\"LineId\" IN (SELECT l.\"Id\" FROM \"SalesOrderLines\" l JOIN \"SalesOrders\" o ON o.\"Id\" = l.\"OrderId\" WHERE o.\"ShopId\" = @shop)"),
        ("WorkflowInstances", "\"ShopId\" = @shop"),
        ("WorkflowJournal", "\"InstanceId\" IN (SELECT \"Id\" FROM \"WorkflowInstances\" WHERE \"ShopId\" = @shop)"),
        ("StockReservations", "\"OrderId\" IN (SELECT \"Id\" FROM \"SalesOrders\" WHERE \"ShopId\" = @shop)"),
        ("StockMovements", "\"At\" >= @since"),
        ("Waybills", "\"OrderId\" IN (SELECT \"Id\" FROM \"SalesOrders\" WHERE \"ShopId\" = @shop)"),
        ("ShipmentConfirmations", "\"OrderId\" IN (SELECT \"Id\" FROM \"SalesOrders\" WHERE \"ShopId\" = @shop)"),
    ];

    private const int BatchRows = 2000;

    public static async Task<FloorFigures> MeasureAsync(BenchDatabase database, long shopId, DateTime since)
    {
        await using var copy = await database.CopyAsync();
        await using var connection = copy.Connect();
        await connection.OpenAsync();
        var data = new List<(string Table, string[] Columns, List<object?[]> Rows)>();
        foreach (var (table, where) in Scoped)
        {
            data.Add(await ReadAsync(connection, table, where, shopId, since));
        }

        foreach (var (table, where) in Scoped.Reverse())
        {
            await using var delete = Scope(connection.CreateCommand(), shopId, since);
            delete.CommandText = $"DELETE FROM \"{table}\" WHERE {where}";
            await delete.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        foreach (var (table, columns, rows) in data)
        {
            await InsertAsync(connection, table, columns, rows);
        }

        clock.Stop();
        return new FloorFigures(clock.Elapsed.TotalSeconds, data.Sum(d => d.Rows.Count));
    }

    /// <summary>Binds <c>@shop</c> and <c>@since</c> (stored as the provider stores DateTime: text in SQLite).</summary>
    public static DbCommand Scope(DbCommand command, long shopId, DateTime since)
    {
        var shop = command.CreateParameter();
        shop.ParameterName = "@shop";
        shop.Value = shopId;
        command.Parameters.Add(shop);
        var from = command.CreateParameter();
        from.ParameterName = "@since";
        from.Value = command is Microsoft.Data.Sqlite.SqliteCommand ? since.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture) : since;
        command.Parameters.Add(from);
        return command;
    }

    private static async Task<(string, string[], List<object?[]>)> ReadAsync(DbConnection connection, string table, string where, long shopId, DateTime since)
    {
        await using var command = Scope(connection.CreateCommand(), shopId, since);
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE {where}";
        await using var reader = await command.ExecuteReaderAsync();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[columns.Length];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return (table, columns, rows);
    }

    private static async Task InsertAsync(DbConnection connection, string table, string[] columns, List<object?[]> rows)
    {
        for (var start = 0; start < rows.Count; start += BatchRows)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) "
                + $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
            var parameters = columns.Select((_, i) =>
            {
                var parameter = insert.CreateParameter();
                parameter.ParameterName = $"@p{i}";
                insert.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
            foreach (var row in rows.Skip(start).Take(BatchRows))
            {
                for (var i = 0; i < row.Length; i++)
                {
                    parameters[i].Value = row[i] ?? DBNull.Value;
                }

                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
    }
}

internal sealed record FloorFigures(double Seconds, int Rows);
