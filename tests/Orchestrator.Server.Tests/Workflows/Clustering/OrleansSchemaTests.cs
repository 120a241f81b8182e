using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orchestrator.Server.Tests.Infrastructure;
using Orchestrator.Workflows.Runtime.Clustering;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;

namespace Orchestrator.Server.Tests.Workflows.Clustering;

/// <summary>
/// The Orleans schema script on the real PostgreSQL, driven through Orleans' own ADO.NET providers, so every named
/// query (not only those a running cluster happens to use) meets its contract: parameters, columns, etags.
/// </summary>
public sealed partial class OrleansSchemaTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2026, 11, 23, 8, 0, 0, 125, DateTimeKind.Utc);
    private PostgreSqlDatabase? _database;

    public async Task InitializeAsync() => _database = await PostgreSqlDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task Servers_installing_at_once_create_the_tables_once_and_every_query_the_providers_read()
    {
        var database = Database();

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => OrleansSchema.EnsureAsync(OrleansSchemaDialect.PostgreSqlInvariant, database.ConnectionString, CancellationToken.None)));
        var again = await OrleansSchema.EnsureAsync(OrleansSchemaDialect.PostgreSqlInvariant, database.ConnectionString, CancellationToken.None);

        Assert.Single(runs, r => r.CreatedTables.Count == OrleansSchema.Tables.Count);
        Assert.Equal(runs.Length - 1, runs.Count(r => r.CreatedTables.Count == 0));
        Assert.Empty(again.CreatedTables);
        var installed = await QueryKeysAsync(database);
        Assert.Equal(again.Queries, installed.Count);
        Assert.Subset(installed.ToHashSet(), RequiredQueryKeys(typeof(AdoNetClusteringTable)).Union(RequiredQueryKeys(typeof(AdoNetReminderTableOptions))).ToHashSet());
    }

    [Fact]
    public void The_SQL_Server_script_holds_the_same_tables_and_queries_as_the_PostgreSQL_one()
    {
        var postgreSql = OrleansSchema.Script(OrleansSchemaDialect.PostgreSql.Script);
        var sqlServer = OrleansSchema.Script(OrleansSchemaDialect.SqlServer.Script);

        Assert.Equal(ScriptQueryKeys(postgreSql), ScriptQueryKeys(sqlServer));
        Assert.Superset(RequiredQueryKeys(typeof(AdoNetClusteringTable)).Union(RequiredQueryKeys(typeof(AdoNetReminderTableOptions))).ToHashSet(), ScriptQueryKeys(sqlServer));
        Assert.All(OrleansSchema.Tables, table => Assert.Contains($"CREATE TABLE {table}", sqlServer, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Membership_rows_change_only_against_the_current_table_version_and_dead_ones_are_cleaned_up()
    {
        var database = Database();
        await OrleansSchema.EnsureAsync(OrleansSchemaDialect.PostgreSqlInvariant, database.ConnectionString, CancellationToken.None);
        var table = Table(database);
        await table.InitializeMembershipTableAsync(true);
        var empty = await table.ReadAllAsync();
        Assert.Empty(empty.Members);

        var silo = Silo(11111);
        Assert.True(await table.InsertRowAsync(silo, empty.Version.Next()));
        Assert.False(await table.InsertRowAsync(Silo(11112), empty.Version.Next()));
        var afterInsert = await table.ReadAllAsync();
        Assert.Equal(empty.Version.Version + 1, afterInsert.Version.Version);
        Assert.False(await table.InsertRowAsync(silo, afterInsert.Version.Next()));
        Assert.Equal(afterInsert.Version, (await table.ReadAllAsync()).Version);

        var read = await table.ReadRowAsync(silo.SiloAddress);
        var (row, etag) = Assert.Single(read.Members);
        Assert.Equal((silo.SiloAddress, silo.SiloName, silo.HostName, SiloStatus.Joining, silo.ProxyPort, Start),
            (row.SiloAddress, row.SiloName, row.HostName, row.Status, row.ProxyPort, row.StartTime));

        row.Status = SiloStatus.Active;
        row.SuspectTimes = [Tuple.Create(Silo(11113).SiloAddress, Start.AddSeconds(5))];
        Assert.True(await table.UpdateRowAsync(row, etag, read.Version.Next()));
        Assert.False(await table.UpdateRowAsync(row, etag, read.Version.Next()));
        var active = Assert.Single((await table.ReadRowAsync(silo.SiloAddress)).Members).Item1;
        Assert.Equal(SiloStatus.Active, active.Status);
        Assert.Equal(row.SuspectTimes, active.SuspectTimes);
        Assert.Equal([new Uri($"gwy.tcp://127.0.0.1:{silo.ProxyPort}/42")], await GatewaysAsync(database));

        await table.UpdateIAmAliveAsync(new MembershipEntry { SiloAddress = silo.SiloAddress, IAmAliveTime = Start.AddMinutes(2) });
        await table.UpdateIAmAliveAsync(new MembershipEntry { SiloAddress = silo.SiloAddress, IAmAliveTime = Start.AddMinutes(1) });
        Assert.Equal(Start.AddMinutes(2), Assert.Single((await table.ReadAllAsync()).Members).Item1.IAmAliveTime);

        var current = await table.ReadAllAsync();
        var (dead, deadEtag) = Assert.Single(current.Members);
        dead.Status = SiloStatus.Dead;
        dead.SuspectTimes = null;
        Assert.True(await table.UpdateRowAsync(dead, deadEtag, current.Version.Next()));
        await table.CleanupDefunctSiloEntriesAsync(Start.AddMinutes(1));
        Assert.Single((await table.ReadAllAsync()).Members);
        await table.CleanupDefunctSiloEntriesAsync(Start.AddHours(1));
        Assert.Empty((await table.ReadAllAsync()).Members);

        // Without the optional per-row query, 10.4.2 falls back to the bulk one it requires.
        var again = await table.ReadAllAsync();
        Assert.True(await table.InsertRowAsync(new MembershipEntry { SiloAddress = Silo(11114).SiloAddress, SiloName = "old", HostName = "test-host", Status = SiloStatus.Dead, ProxyPort = 1, StartTime = Start, IAmAliveTime = Start }, again.Version.Next()));
        await database.ScalarAsync("DELETE FROM OrleansQuery WHERE QueryKey = 'CleanupDefunctSiloEntryKey'");
        var bulkOnly = Table(database);
        await bulkOnly.InitializeMembershipTableAsync(true);
        await bulkOnly.CleanupDefunctSiloEntriesAsync(Start.AddHours(1));
        Assert.Empty((await table.ReadAllAsync()).Members);

        await table.DeleteMembershipTableEntriesAsync("contract");
        Assert.Equal(0, await database.ScalarAsync("SELECT COUNT(*) FROM OrleansMembershipVersionTable"));
    }

    [SkippableFact]
    public async Task Reminder_rows_upsert_with_a_new_etag_read_by_grain_and_hash_range_and_delete_only_on_the_current_etag()
    {
        var database = Database();
        await OrleansSchema.EnsureAsync(OrleansSchemaDialect.PostgreSqlInvariant, database.ConnectionString, CancellationToken.None);
        // The provider's table class is internal: take it from the container its own registration builds.
        var services = new ServiceCollection().Configure<ClusterOptions>(o => o.ServiceId = "contract");
        services.UseAdoNetReminderService(options => options.Configure(o =>
        {
            o.Invariant = OrleansSchemaDialect.PostgreSqlInvariant;
            o.ConnectionString = database.ConnectionString;
        }));
        var table = services.BuildServiceProvider().GetRequiredService<IReminderTable>();
        await table.StartAsync();
        var grain = GrainId.Create("workflowinstance", Guid.NewGuid().ToString("N"));
        var hash = grain.GetUniformHashCode();

        var first = await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "timer:a", StartAt = Start, Period = TimeSpan.FromMinutes(1) });
        var second = await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "timer:a", StartAt = Start.AddSeconds(2), Period = TimeSpan.FromDays(30) });
        await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "timer:b", StartAt = Start, Period = TimeSpan.FromMinutes(1) });

        Assert.NotEqual(first, second);
        var row = await table.ReadRow(grain, "timer:a");
        Assert.Equal((grain, "timer:a", Start.AddSeconds(2), TimeSpan.FromDays(30), second), (row!.GrainId, row.ReminderName, row.StartAt, row.Period, row.ETag));
        Assert.Equal(2, (await table.ReadRows(grain)).Reminders.Count);
        // A silo owns (begin, end]; a range whose begin is above its end wraps around and holds all but (end, begin].
        Assert.Equal(2, (await table.ReadRows(hash - 1, hash)).Reminders.Count);
        Assert.Empty((await table.ReadRows(hash, hash + 1)).Reminders);
        Assert.Equal(2, (await table.ReadRows(hash + 1, hash)).Reminders.Count);
        Assert.Empty((await table.ReadRows(hash, hash - 1)).Reminders);

        Assert.False(await table.RemoveRow(grain, "timer:a", first!));
        Assert.True(await table.RemoveRow(grain, "timer:a", second!));
        Assert.Null(await table.ReadRow(grain, "timer:a"));
        await table.TestOnlyClearTable();
        Assert.Empty((await table.ReadRows(grain)).Reminders);
    }

    private PostgreSqlDatabase Database()
    {
        Skip.If(_database is null, PostgreSqlDatabase.SkipReason);
        return _database!;
    }

    private static AdoNetClusteringTable Table(PostgreSqlDatabase database) =>
        new(new ServiceCollection().BuildServiceProvider(), Options.Create(new ClusterOptions { ClusterId = "contract" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = OrleansSchemaDialect.PostgreSqlInvariant, ConnectionString = database.ConnectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);

    private static MembershipEntry Silo(int port) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, port, 42),
        SiloName = $"silo-{port}",
        HostName = "test-host",
        Status = SiloStatus.Joining,
        ProxyPort = port + 1000,
        StartTime = Start,
        IAmAliveTime = Start,
    };

    /// <summary>The query keys a provider assembly insists on at start: the properties of its DbStoredQueries.</summary>
    private static List<string> RequiredQueryKeys(Type provider)
    {
        var keys = provider.Assembly.GetTypes().Where(t => t.Name == "DbStoredQueries")
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic)).Select(p => p.Name).ToList();
        Assert.True(keys.Count >= 7, $"Found only {keys.Count} required query keys in {provider.Assembly.GetName().Name}: the provider changed shape.");
        return keys;
    }

    private static async Task<List<string>> QueryKeysAsync(PostgreSqlDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT QueryKey FROM OrleansQuery", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private static async Task<IList<Uri>> GatewaysAsync(PostgreSqlDatabase database)
    {
        var provider = new AdoNetGatewayListProvider(NullLogger<AdoNetGatewayListProvider>.Instance, new ServiceCollection().BuildServiceProvider(),
            Options.Create(new AdoNetClusteringClientOptions { Invariant = OrleansSchemaDialect.PostgreSqlInvariant, ConnectionString = database.ConnectionString }),
            Options.Create(new GatewayOptions()), Options.Create(new ClusterOptions { ClusterId = "contract" }));
        await provider.InitializeGatewayListProviderAsync();
        return await provider.GetGatewaysAsync();
    }

    private static SortedSet<string> ScriptQueryKeys(string script) =>
        new(QueryKeyRow().Matches(script).Select(m => m.Groups[1].Value), StringComparer.Ordinal);

    [GeneratedRegex(@"^\('(\w+Key)',", RegexOptions.Multiline)]
    private static partial Regex QueryKeyRow();
}
