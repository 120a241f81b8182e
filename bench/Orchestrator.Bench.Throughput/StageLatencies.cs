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
            entries,
            counts);
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
                row[i] = reader.GetFieldType(i) == typeof(string) && reader.GetName(i).EndsWith("At", StringComparison.Ordinal)
                    ? DateTime.Parse(reader.GetString(i), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal)
                    : reader.GetValue(i);
            }

            yield return row;
        }
    }
}

public sealed record StageLatency(string Stage, Orchestrator.Bench.Rules.Percentiles Ms);

public sealed record StageFigures(IReadOnlyList<StageLatency> Stages, Orchestrator.Bench.Rules.Percentiles EndToEndMs, int JournalEntries,
    IReadOnlyDictionary<string, long> Rows);
