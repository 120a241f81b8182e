using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Orchestrator.Persistence;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Hosting;

/// <summary>The start-up import of workflows/*.json, across restarts of the server on one SQLite database.</summary>
public sealed class WorkflowFolderImportTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("orchestrator-workflows-").FullName;

    private string Folder => Path.Combine(_root, "workflows");

    private string DataFolder => Path.Combine(_root, "data");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A log file still held open is not worth failing a test run over.
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task Valid_file_is_published_once_invalid_ones_are_skipped_and_a_newer_change_makes_v2()
    {
        var file = Write("order-flow.json", TestWorkflows.Valid("order-flow", "订单流程"));
        Write("broken.json", TestWorkflows.Invalid("broken-flow"));
        File.WriteAllText(Path.Combine(Folder, "not-json.json"), "{ \"definitionId\": ");

        var first = await VersionsAfterStartAsync("order-flow");
        var restarted = await VersionsAfterStartAsync("order-flow", alsoMissing: "broken-flow");
        Write("order-flow.json", TestWorkflows.Valid("order-flow", "订单流程 第二版"));
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(5));
        var changed = await VersionsAfterStartAsync("order-flow");

        Assert.Equal([(1, "Published", "file:workflows/order-flow.json")], first);
        Assert.Equal(first, restarted);
        Assert.Equal([(2, "Published", "file:workflows/order-flow.json"), (1, "Retired", "file:workflows/order-flow.json")], changed);
    }

    [Fact]
    public async Task Changed_file_older_than_the_published_version_is_not_imported()
    {
        var file = Write("order-flow.json", TestWorkflows.Valid("order-flow", "订单流程"));
        await VersionsAfterStartAsync("order-flow");

        Write("order-flow.json", TestWorkflows.Valid("order-flow", "旧文件"));
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-1));
        var versions = await VersionsAfterStartAsync("order-flow");

        Assert.Equal([(1, "Published", "file:workflows/order-flow.json")], versions);
    }

    [Fact]
    public async Task File_published_while_a_draft_is_open_keeps_the_draft_as_the_highest_version()
    {
        var file = Write("order-flow.json", TestWorkflows.Valid("order-flow", "订单流程"));
        await using (var server = Start())
        {
            var client = server.CreateClient();
            await SignIn.AsAsync(client);
            await SignIn.AsAsync(client);
            var draft = await client.PutAsJsonAsync("/api/workflow-definitions/order-flow/draft", TestWorkflows.Valid("order-flow", "设计器里的草稿"), ServerFixture.Json);
            Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        }

        Write("order-flow.json", TestWorkflows.Valid("order-flow", "文件第二版"));
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(5));
        await using (var server = Start())
        {
            var reader = server.CreateClient();
            await SignIn.AsAsync(reader);
            var history = await HistoryAsync(reader, "order-flow");

            Assert.Equal([(3, "Draft", "设计器里的草稿"), (2, "Published", "文件第二版"), (1, "Retired", "订单流程")],
                history.Select(v => (v!["version"]!.GetValue<int>(), v["state"]!.GetValue<string>(), v["name"]!.GetValue<string>())));
        }
    }

    private string Write(string name, JsonObject definition)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, definition.ToJsonString());
        return path;
    }

    private OrchestratorFactory Start()
    {
        var database = new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataFolder, "orchestrator.db"), DefaultTimeout = 30 }.ToString();
        return new OrchestratorFactory(DatabaseProvider.Sqlite, database, DataFolder, seedDemo: false, workflowsFolder: Folder);
    }

    // Starts the server (which imports the folder), reads the definition's history, and stops it again.
    private async Task<IReadOnlyList<(int Version, string State, string Source)>> VersionsAfterStartAsync(string definitionId, string? alsoMissing = null)
    {
        await using var server = Start();
        var client = server.CreateClient();
        await SignIn.AsAsync(client);
        if (alsoMissing is not null)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/workflow-definitions/{alsoMissing}")).StatusCode);
        }

        var history = await HistoryAsync(client, definitionId);
        return [.. history.Select(v => (v!["version"]!.GetValue<int>(), v["state"]!.GetValue<string>(), v["source"]!.GetValue<string>()))];
    }

    private static async Task<JsonArray> HistoryAsync(HttpClient client, string definitionId)
    {
        var response = await client.GetAsync($"/api/workflow-definitions/{definitionId}/versions");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected OK, got {response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsArray();
    }
}
