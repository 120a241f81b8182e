using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Bench.Throughput;

/// <summary>
/// The floor's lists over a deep backlog: seeds orders with their instances straight into a fresh SQLite database
/// (every other one waiting at picking, the rest shipped), starts the real server on it, and times pages of 200 by
/// page number with the total and by cursor without it (median of several calls, measured from the client).
/// </summary>
internal static class ListsBench
{
    private const int PageSize = 200;
    private const int WarmUpCalls = 3;
    private const int TimedCalls = 15;

    /// <summary>The deep page timed besides the first: rows 19,801–20,000 of the backlog.</summary>
    private const int DeepPage = 100;

    private const int RowsPerTransaction = 10_000;

    public static async Task RunAsync(string repo, int orders, TextWriter output)
    {
        await using var database = BenchDatabase.Sqlite();

        // The first start migrates the database, seeds the demo shops and warehouses and publishes workflows/.
        var first = new Dictionary<string, string>(database.ServerSettings) { ["Demo__Seed"] = "true" };
        await using (await ServerUnderTest.StartAsync(repo, first))
        {
        }

        var clock = Stopwatch.StartNew();
        var seed = await SeedAsync(database, orders);
        output.WriteLine($"  seeded {orders:N0} orders and instances in {clock.Elapsed.TotalSeconds:F1} s ({seed.Waiting:N0} waiting at picking)");

        await using var server = await ServerUnderTest.StartAsync(repo, database.ServerSettings);
        using var http = await server.SignedInClientAsync();
        var lists = new (string Name, string Path)[]
        {
            ("instances waiting at picking, all shops", "/api/workflow-instances?waitingFor=PickConfirmed"),
            ("instances waiting at picking, one shop", $"/api/workflow-instances?shopId={seed.ShopId}&waitingFor=PickConfirmed"),
            ("orders at picking, one shop", $"/api/orders?shopId={seed.ShopId}&status=Picking"),
        };
        output.WriteLine($"  median of {TimedCalls} calls after {WarmUpCalls} to warm up, page size {PageSize}, ms:");
        output.WriteLine($"  {"list",-42} {"page 1 + total",15} {"cursor 1",9} {"ratio",6} {$"page {DeepPage} + total",17} {$"cursor {DeepPage}",11} {"ratio",6}");
        foreach (var (name, path) in lists)
        {
            var byNumber = await MedianAsync(http, $"{path}&pageSize={PageSize}");
            var byCursor = await MedianAsync(http, $"{path}&pageSize={PageSize}&includeTotal=false");
            var deepCursor = await CursorOfPageAsync(http, $"{path}&pageSize={PageSize}", DeepPage);
            var deepByNumber = await MedianAsync(http, $"{path}&pageSize={PageSize}&page={DeepPage}");
            var deepByCursor = await MedianAsync(http, $"{path}&pageSize={PageSize}&cursor={Uri.EscapeDataString(deepCursor)}");
            output.WriteLine($"  {name,-42} {byNumber,15:F1} {byCursor,9:F1} {byNumber / byCursor,6:F1} {deepByNumber,17:F1} {deepByCursor,11:F1} {deepByNumber / deepByCursor,6:F1}");
        }

        // The orders screen's search and its tabs' counts, over all shops (a person searching does not know the shop).
        var middle = orders / 2;
        var searches = new (string Name, string Path)[]
        {
            ("orders by mobile (1 match)", $"/api/orders?q={Mobile(middle)}"),
            ("orders by buyer (5 matches)", $"/api/orders?q=buyer{middle % BuyersCount}"),
            ("orders by 8 digits of the id (scan)", $"/api/orders?q={PlatformOrderId(seed.FirstId + middle)[^8..]}"),
            ("orders by unknown text (no match)", "/api/orders?q=nobody"),
            ("counts per status, all shops", "/api/orders/counts?"),
            ("counts per status, one shop", $"/api/orders/counts?shopId={seed.ShopId}"),
        };
        output.WriteLine($"  {"search or count",-42} {"page 1 + total",15} {"cursor 1",9}");
        foreach (var (name, path) in searches)
        {
            var byNumber = await MedianAsync(http, $"{path}&pageSize={PageSize}");
            var byCursor = await MedianAsync(http, $"{path}&pageSize={PageSize}&includeTotal=false");
            output.WriteLine($"  {name,-42} {byNumber,15:F1} {byCursor,9:F1}");
        }
    }

    private const int BuyersCount = 20_000;

    /// <summary>18 digits, as Taobao's are.</summary>
    private static string PlatformOrderId(long id) => $"39{id:D16}";

    /// <summary>Each seeded order's receiver has a mobile of its own, as real ones do.</summary>
    private static string Mobile(int order) => $"139{order:D8}";

    private sealed record Seeded(long ShopId, int Waiting, long FirstId);

    /// <summary>
    /// Orders and instances by prepared inserts, <see cref="RowsPerTransaction"/> per transaction: every other order
    /// waits at picking (in the demo's two shops by turns), the others are shipped. Older ids are older orders.
    /// </summary>
    private static async Task<Seeded> SeedAsync(BenchDatabase database, int orders)
    {
        await using var connection = database.Connect();
        await connection.OpenAsync();
        var shops = await ReadAsync(connection, "SELECT Id FROM Shops ORDER BY Id", r => r.GetInt64(0));
        var warehouse = (await ReadAsync(connection, "SELECT Id FROM Warehouses ORDER BY Id", r => r.GetInt64(0)))[0];
        var (definitionId, definitionVersion) = (await ReadAsync(connection,
            "SELECT Id, Version FROM WorkflowDefinitions WHERE DefinitionId = 'sales-order' AND State = 'Published'", r => (r.GetInt64(0), r.GetInt32(1))))[0];
        var start = (await ReadAsync(connection, "SELECT coalesce(max(Id), 0) FROM SalesOrders", r => r.GetInt64(0)))[0] + 1;

        await using var order = Prepare(connection, "SalesOrders",
            "Id", "ShopId", "PlatformOrderId", "PlatformStatus", "Status", "ExceptionKind", "BuyerNick", "ReceiverName", "ReceiverMobile",
            "ReceiverProvince", "ReceiverCity", "ReceiverDistrict", "ReceiverAddress", "PayTime", "TotalFee", "PostFee", "DiscountFee", "Payment",
            "IsCod", "WarehouseId", "HasUnmappedSku", "AddressChangedAfterPayment", "IsWeightOutOfTolerance", "Fingerprint", "ReceivedAt",
            "UpdatedAt", "ShippedAt", "Version");
        await using var instance = Prepare(connection, "WorkflowInstances",
            "Id", "DefinitionId", "DefinitionVersion", "DefinitionRecordId", "SalesOrderId", "ShopId", "Status", "CurrentActivityId", "WaitingFor",
            "StateJson", "CreatedAt", "UpdatedAt", "FinishedAt", "Revision");
        var since = DateTime.UtcNow.AddDays(-3);

        // About the size of a real instance's state (variables with the order's facts, bookmarks, scheduled work).
        var state = $"{{\"variables\":{{\"filler\":\"{new string('x', 2_000)}\"}},\"bookmarks\":[],\"scheduled\":[]}}";
        var waiting = 0;
        for (var done = 0; done < orders; done += RowsPerTransaction)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            order.Join(transaction);
            instance.Join(transaction);
            for (var i = done; i < Math.Min(orders, done + RowsPerTransaction); i++)
            {
                var id = start + i;
                var shop = shops[i % shops.Count];
                var atPick = i % 2 == 0;
                waiting += atPick ? 1 : 0;
                var received = Time(since.AddSeconds(i * 2.0));
                var updated = Time(since.AddSeconds(i * 2.0 + 60));
                await order.RunAsync(id, shop, PlatformOrderId(id), "WAIT_SELLER_SEND_GOODS", atPick ? "Picking" : "Shipped", "None", $"buyer{i % BuyersCount}",
                    $"王小明{i % 50_000}", Mobile(i), "浙江省", "杭州市", "西湖区", "文三路90号", received, "199.00", "0.00", "0.00", "199.00",
                    0, warehouse, 0, 0, 0, $"fp-{id}", received, updated, atPick ? null : updated, 1);
                await instance.RunAsync(Guid.NewGuid().ToString().ToUpperInvariant(), "sales-order", definitionVersion, definitionId, id, shop,
                    atPick ? "Suspended" : "Finished", atPick ? "pick" : null, atPick ? "PickConfirmed" : null, state, received, updated,
                    atPick ? null : updated, 1);
            }

            await transaction.CommitAsync();
        }

        await using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "ANALYZE;";
            await analyze.ExecuteNonQueryAsync();
        }

        return new Seeded(shops[0], waiting, start);
    }

    /// <summary>The server's own format for times in SQLite (EF Core's), so its comparisons and order hold.</summary>
    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static async Task<double> MedianAsync(HttpClient http, string path)
    {
        var times = new List<double>();
        for (var call = 0; call < WarmUpCalls + TimedCalls; call++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            clock.Stop();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {body}");
            }

            if (call >= WarmUpCalls)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        return times[times.Count / 2];
    }

    /// <summary>Walks by cursor to the cursor that starts page <paramref name="page"/>.</summary>
    private static async Task<string> CursorOfPageAsync(HttpClient http, string path, int page)
    {
        var cursor = (await http.GetFromJsonAsync<JsonObject>($"{path}&includeTotal=false"))!["nextCursor"]!.GetValue<string>();
        for (var number = 2; number < page; number++)
        {
            cursor = (await http.GetFromJsonAsync<JsonObject>($"{path}&cursor={Uri.EscapeDataString(cursor)}"))!["nextCursor"]!.GetValue<string>();
        }

        return cursor;
    }

    private static async Task<List<T>> ReadAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static PreparedInsert Prepare(DbConnection connection, string table, params string[] columns)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        for (var i = 0; i < columns.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }

        return new PreparedInsert(command);
    }

    /// <summary>One insert statement reused for every row, its parameters set in column order.</summary>
    private sealed class PreparedInsert(DbCommand command) : IAsyncDisposable
    {
        public void Join(DbTransaction transaction) => command.Transaction = transaction;

        public Task<int> RunAsync(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            return command.ExecuteNonQueryAsync();
        }

        public ValueTask DisposeAsync() => command.DisposeAsync();
    }
}
