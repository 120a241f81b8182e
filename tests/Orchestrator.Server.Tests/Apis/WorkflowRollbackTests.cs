using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Apis;

/// <summary>Rolling a workflow back to an earlier version publishes its content as a new version, and the history says who published each.</summary>
public abstract class WorkflowRollbackTests(ServerFixture server) : ApiTestBase(server)
{
    private const string Route = "/api/workflow-definitions";

    [SkippableFact]
    public async Task Rolling_back_to_v1_publishes_its_content_as_v3_and_the_history_names_each_publisher()
    {
        var id = NewId();
        var (opsLead, asOpsLead) = await SignedInAsAsync("OpsLead");
        await OkAsync(await Client.PutAsJsonAsync($"{Route}/{id}/draft", TestWorkflows.Valid(id, "第一版"), ServerFixture.Json));
        await OkAsync(await Client.PostAsync($"{Route}/{id}:publish", null));
        await OkAsync(await asOpsLead.PutAsJsonAsync($"{Route}/{id}/draft", TestWorkflows.Decision(id, "order.payment"), ServerFixture.Json));
        await OkAsync(await asOpsLead.PostAsync($"{Route}/{id}:publish", null));

        var rolledBack = await OkAsync(await asOpsLead.PostAsync($"{Route}/{id}/versions/1:republish", null));
        var v1 = await OkAsync(await Client.GetAsync($"{Route}/{id}?version=1"));
        var history = (await Client.GetFromJsonAsync<JsonArray>($"{Route}/{id}/versions", ServerFixture.Json))!;

        Assert.Equal((3, "Published", "rollback:v1"), (rolledBack["version"]!.GetValue<int>(), rolledBack["state"]!.GetValue<string>(), rolledBack["source"]!.GetValue<string>()));
        Assert.True(JsonNode.DeepEquals(v1["root"], rolledBack["root"]), $"v3 {rolledBack["root"]} is not v1 {v1["root"]}");
        Assert.Equal("第一版", rolledBack["name"]!.GetValue<string>());
        Assert.Equal([(3, "Published", opsLead), (2, "Retired", opsLead), (1, "Retired", SignIn.AdminName)],
            history.Select(v => (v!["version"]!.GetValue<int>(), v["state"]!.GetValue<string>(), v["publishedBy"]?.GetValue<string>())));
        Assert.All(history, v => Assert.NotNull(v!["publishedAt"]));
    }

    [SkippableFact]
    public async Task Rolling_back_is_audited_as_the_new_version_by_whoever_did_it()
    {
        var id = NewId();
        await PublishTwoVersionsAsync(id);

        await OkAsync(await Client.PostAsync($"{Route}/{id}/versions/1:republish", null));
        var trail = (await Client.GetFromJsonAsync<JsonObject>($"/api/audit?entityType=WorkflowDefinition&entityId={id}", ServerFixture.Json))!["items"]!.AsArray();

        var created = trail.First(e => e!["summary"]!.GetValue<string>() == "Version 3")!;
        Assert.Equal(("Created", SignIn.AdminName), (created["action"]!.GetValue<string>(), created["actor"]!.GetValue<string>()));
        var changes = created["changes"]!.AsArray();
        Assert.Contains(changes, c => c!["field"]!.GetValue<string>() == "source" && c["to"]!.GetValue<string>() == "rollback:v1");
        Assert.Contains(changes, c => c!["field"]!.GetValue<string>() == "state" && c["to"]!.GetValue<string>() == "Published");
    }

    [SkippableFact]
    public async Task A_draft_in_progress_is_kept_above_the_version_rolled_back_to()
    {
        var id = NewId();
        await PublishTwoVersionsAsync(id);
        await OkAsync(await Client.PutAsJsonAsync($"{Route}/{id}/draft", TestWorkflows.Valid(id, "草稿"), ServerFixture.Json));

        var rolledBack = await OkAsync(await Client.PostAsync($"{Route}/{id}/versions/1:republish", null));
        var latest = await OkAsync(await Client.GetAsync($"{Route}/{id}"));

        Assert.Equal(3, rolledBack["version"]!.GetValue<int>());
        Assert.Equal((4, "Draft", "草稿"), (latest["version"]!.GetValue<int>(), latest["state"]!.GetValue<string>(), latest["name"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Rolling_back_to_no_such_version_is_a_404_and_to_the_published_version_or_the_draft_a_409()
    {
        var id = NewId();
        await PublishTwoVersionsAsync(id);
        await OkAsync(await Client.PutAsJsonAsync($"{Route}/{id}/draft", TestWorkflows.Valid(id, "草稿"), ServerFixture.Json));

        var missing = await ProblemAsync(await Client.PostAsync($"{Route}/{id}/versions/9:republish", null), HttpStatusCode.NotFound);
        var unknown = await ProblemAsync(await Client.PostAsync($"{Route}/{NewId()}/versions/1:republish", null), HttpStatusCode.NotFound);
        var current = await ProblemAsync(await Client.PostAsync($"{Route}/{id}/versions/2:republish", null), HttpStatusCode.Conflict);
        var draft = await ProblemAsync(await Client.PostAsync($"{Route}/{id}/versions/3:republish", null), HttpStatusCode.Conflict);
        var history = (await Client.GetFromJsonAsync<JsonArray>($"{Route}/{id}/versions", ServerFixture.Json))!;

        Assert.Contains("no version 9", missing["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("no version 1", unknown["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("already the published version", current["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("is the draft", draft["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(3, history.Count);
    }

    [SkippableFact]
    public async Task A_reviewer_may_not_roll_back()
    {
        var id = NewId();
        await PublishTwoVersionsAsync(id);
        var (_, asReviewer) = await SignedInAsAsync("Reviewer");

        var refused = await asReviewer.PostAsync($"{Route}/{id}/versions/1:republish", null);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(2, (await Client.GetFromJsonAsync<JsonArray>($"{Route}/{id}/versions", ServerFixture.Json))!.Count);
    }

    private static string NewId() => Unique("flow").ToLowerInvariant();

    private async Task PublishTwoVersionsAsync(string id)
    {
        await OkAsync(await Client.PutAsJsonAsync($"{Route}/{id}/draft", TestWorkflows.Valid(id, "第一版"), ServerFixture.Json));
        await OkAsync(await Client.PostAsync($"{Route}/{id}:publish", null));
        await OkAsync(await Client.PutAsJsonAsync($"{Route}/{id}/draft", TestWorkflows.Valid(id, "第二版"), ServerFixture.Json));
        await OkAsync(await Client.PostAsync($"{Route}/{id}:publish", null));
    }

    private static async Task<JsonObject> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }
}

public sealed class SqliteWorkflowRollbackTests(SqliteServerFixture server) : WorkflowRollbackTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PostgreSqlWorkflowRollbackTests(PostgreSqlServerFixture server) : WorkflowRollbackTests(server), IClassFixture<PostgreSqlServerFixture>;
