using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Apis;

/// <summary>
/// What the server's .NET runtime spent since it started (JIT, allocations, GC pauses), which the bench reads around
/// its window to tell a steady state from a server still compiling. The database does not matter here: SQLite only.
/// </summary>
public sealed class RuntimeActivityApiTests(SqliteServerFixture server) : ApiTestBase(server), IClassFixture<SqliteServerFixture>
{
    [SkippableFact]
    public async Task Counts_only_grow_and_work_in_between_shows_in_them()
    {
        var before = await ReadAsync();
        await CreateGoodsAsync(Unique("runtime"));
        var after = await ReadAsync();

        Assert.True(before["jitCompiledMethods"]!.GetValue<long>() > 0, before.ToJsonString());
        Assert.True(after["jitCompiledMethods"]!.GetValue<long>() >= before["jitCompiledMethods"]!.GetValue<long>(), $"{before} → {after}");
        Assert.True(after["jitCompilationMs"]!.GetValue<double>() >= before["jitCompilationMs"]!.GetValue<double>(), $"{before} → {after}");
        Assert.True(after["allocatedBytes"]!.GetValue<long>() > before["allocatedBytes"]!.GetValue<long>(), $"a request allocates: {before} → {after}");
        Assert.True(after["gen0Collections"]!.GetValue<int>() >= before["gen0Collections"]!.GetValue<int>(), $"{before} → {after}");
        Assert.True(after["gcPauseMs"]!.GetValue<double>() >= 0, after.ToJsonString());
        Assert.True(after["threadPoolThreads"]!.GetValue<int>() > 0, after.ToJsonString());
    }

    [SkippableFact]
    public async Task Only_admins_read_it()
    {
        var (_, lead) = await SignedInAsAsync("OpsLead");

        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync("/api/system/runtime")).StatusCode);
    }

    private async Task<JsonObject> ReadAsync() => (await Client.GetFromJsonAsync<JsonObject>("/api/system/runtime", ServerFixture.Json))!;
}
