using System.Data.Common;

namespace Orchestrator.Bench.Throughput;

/// <summary>
/// Latency per stage from the journal the run wrote: for each journal entry, the time from the end of the instance's
/// previous entry (or its creation) to the end of this one, so queueing and waiting count, grouped by activity and
/// event (<c>pick:Suspended</c> is the wait for the floor). End to end: from intake to Shipped per order.
/// </summary>
internal static class StageLatencies
{
    public static async Task<StageFigures> ReadAsync(BenchDatabase database, long shopId, DateTime since)
    {
        await using var connection = database.Connect();
        await connection.OpenAsync();
        var created = new Dictionary<Guid, DateTime>();
        await foreach (var row in QueryAsync(connection, shopId, since, "SELECT \"Id\", \"CreatedAt\" FROM \"WorkflowInstances\" WHERE \"ShopId\" = @shop"))
        {
            created[ReadGuid(row[0])] = (DateTime)row[1];
        }

        var stages = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var order = new List<string>();
        Guid? current = null;
        DateTime previousEnd = default;
        var entries = 0;
        await foreach (var row in QueryAsync(connection, shopId, since,
            "SELECT \"InstanceId\", \"ActivityId\", \"Event\", \"StartedAt\", \"DurationMs\" FROM \"WorkflowJournal\" WHERE "
            + FloorBaseline.Scoped.Single(t => t.Table == "WorkflowJournal").Where + " ORDER BY \"InstanceId\", \"Sequence\""))
        {
            entries++;
            var instance = ReadGuid(row[0]);
            if (current != instance)
            {
                current = instance;
                previousEnd = created.GetValueOrDefault(instance);
            }

            var end = ((DateTime)row[3]).AddMilliseconds(Convert.ToDouble(row[4], System.Globalization.CultureInfo.InvariantCulture));
            var key = $"{row[1]}:{EventName(row[2])}";
            if (!stages.TryGetValue(key, out var sample))
            {
                stages[key] = sample = [];
                order.Add(key);
            }

            sample.Add(Math.Max(0, (end - previousEnd).TotalMilliseconds));
            previousEnd = end;
        }

        var endToEnd = new List<double>();
        await foreach (var row in QueryAsync(connection, shopId, since, "SELECT \"ReceivedAt\", \"ShippedAt\" FROM \"SalesOrders\" WHERE \"ShippedAt\" IS NOT NULL AND \"ShopId\" = @shop"))
        {
            endToEnd.Add(((DateTime)row[1] - (DateTime)row[0]).TotalMilliseconds);
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (table, where) in FloorBaseline.Scoped)
        {
            await using var count = FloorBaseline.Scope(connection.CreateCommand(), shopId, since);
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE {where}";
            counts[table] = Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return new StageFigures(
            order.Select(k => new StageLatency(k, Orchestrator.Bench.Rules.Percentiles.Of(stages[k]))).ToList(),
            Orchestrator.Bench.Rules.Percentiles.Of(endToEnd),
            await IntakeToPickWaitAsync(database, shopId, DateTime.MinValue, DateTime.MaxValue),
            entries,
            counts);
    }

    /// <summary>
    /// From intake (the order's <c>ReceivedAt</c>) to its workflow waiting at picking (the end of the first journal entry
    /// suspended on <c>PickConfirmed</c>), for the shop's orders received in [<paramref name="from"/>, <paramref name="until"/>];
    /// an order that never got there counts as infinitely late, so a server that falls behind cannot look fast.
    /// </summary>
    public static async Task<Orchestrator.Bench.Rules.Percentiles> IntakeToPickWaitAsync(BenchDatabase database, long shopId, DateTime from, DateTime until)
    {
        await using var connection = database.Connect();
        await connection.OpenAsync();
        var reached = new Dictionary<long, (DateTime Received, double Ms)>();
        await foreach (var row in QueryAsync(connection, shopId, DateTime.UtcNow,
            "SELECT o.\"Id\", o.\"ReceivedAt\", j.\"StartedAt\", j.\"DurationMs\" FROM \"SalesOrders\" o "
            + "LEFT JOIN \"WorkflowInstances\" i ON i.\"SalesOrderId\" = o.\"Id\" "
            + "LEFT JOIN \"WorkflowJournal\" j ON j.\"InstanceId\" = i.\"Id\" AND j.\"Bookmark\" = 'PickConfirmed' AND j.\"Event\" = 'Suspended' "
            + "WHERE o.\"ShopId\" = @shop"))
        {
            var id = Convert.ToInt64(row[0], System.Globalization.CultureInfo.InvariantCulture);
            var received = (DateTime)row[1];
            if (received < from || received > until)
            {
                continue;
            }

            var ms = row[2] is DateTime waiting
                ? (waiting.AddMilliseconds(Convert.ToDouble(row[3], System.Globalization.CultureInfo.InvariantCulture)) - received).TotalMilliseconds
                : double.PositiveInfinity;
            reached[id] = reached.TryGetValue(id, out var earlier) && earlier.Ms <= ms ? earlier : (received, ms);
        }

        return Orchestrator.Bench.Rules.Percentiles.Of(reached.Values.Select(r => r.Ms));
    }

    private static string EventName(object value) => value switch
    {
        string text => text,
        long number => ((Orchestrator.Workflows.Execution.JournalEvent)number).ToString(),
        int number => ((Orchestrator.Workflows.Execution.JournalEvent)number).ToString(),
        _ => value.ToString() ?? "?",
    };

    private static Guid ReadGuid(object value) => value switch
    {
        Guid guid => guid,
        string text => Guid.Parse(text),
        byte[] bytes => new Guid(bytes),
        _ => throw new InvalidOperationException($"Unexpected id type {value.GetType()}"),
    };

    private static async IAsyncEnumerable<object[]> QueryAsync(DbConnection connection, long shopId, DateTime since, string sql)
    {
        await using var command = FloorBaseline.Scope(connection.CreateCommand(), shopId, since);
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? DBNull.Value
                    : reader.GetFieldType(i) == typeof(string) && reader.GetName(i).EndsWith("At", StringComparison.Ordinal)
                    ? DateTime.Parse(reader.GetString(i), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal)
                    : reader.GetValue(i);
            }

            yield return row;
        }
    }
}

public sealed record StageLatency(string Stage, Orchestrator.Bench.Rules.Percentiles Ms);

public sealed record StageFigures(
    IReadOnlyList<StageLatency> Stages, Orchestrator.Bench.Rules.Percentiles EndToEndMs, Orchestrator.Bench.Rules.Percentiles IntakeToPickWaitMs, int JournalEntries,
    IReadOnlyDictionary<string, long> Rows);
