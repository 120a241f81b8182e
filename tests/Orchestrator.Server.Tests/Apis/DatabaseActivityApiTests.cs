using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Apis;

/// <summary>The server's count of what it asked of its database, which the bench reads around its measured window.</summary>
public abstract class DatabaseActivityApiTests(ServerFixture server) : ApiTestBase(server)
{
    [SkippableFact]
    public async Task A_save_counts_its_commands_and_its_commit_and_a_read_counts_commands_only()
    {
        var before = await CountsAsync();
        await CreateGoodsAsync(Unique("count"));
        var afterWrite = await CountsAsync();
        (await Client.GetAsync("/api/goods?pageSize=5")).EnsureSuccessStatusCode();
        var afterRead = await CountsAsync();

        Assert.True(afterWrite.Commands > before.Commands, $"{before} → {afterWrite}");
        Assert.True(afterWrite.Commits > before.Commits, $"a created goods record commits: {before} → {afterWrite}");
        Assert.True(afterRead.Commands > afterWrite.Commands, $"{afterWrite} → {afterRead}");
        Assert.True(afterRead.Commits - afterWrite.Commits <= 1, $"a list commits nothing (a session touch at most): {afterWrite} → {afterRead}");
    }

    [SkippableFact]
    public async Task Only_admins_read_it()
    {
        var (_, lead) = await SignedInAsAsync("OpsLead");

        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync("/api/system/database")).StatusCode);
    }

    private async Task<(long Commands, long Commits)> CountsAsync()
    {
        var counts = (await Client.GetFromJsonAsync<JsonObject>("/api/system/database", ServerFixture.Json))!;
        Assert.False(string.IsNullOrEmpty(counts["provider"]!.GetValue<string>()));
        return (counts["commands"]!.GetValue<long>(), counts["commits"]!.GetValue<long>());
    }
}

public sealed class SqliteDatabaseActivityApiTests(SqliteServerFixture server) : DatabaseActivityApiTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PostgreSqlDatabaseActivityApiTests(PostgreSqlServerFixture server) : DatabaseActivityApiTests(server), IClassFixture<PostgreSqlServerFixture>;
