using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Apis.Shops;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Apis;

/// <summary>Workflow definitions through HTTP: drafts, publishing, history, export/import and shop pins, on each real database.</summary>
public abstract class WorkflowDefinitionsApiTests(ServerFixture server) : ApiTestBase(server)
{
    private const string Route = "/api/workflow-definitions";
    private static readonly string[] ErrorFields = ["code", "path", "message"];
    private static readonly HttpStatusCode[] LostRace = [HttpStatusCode.NotFound, HttpStatusCode.Conflict];

    [SkippableFact]
    public async Task Draft_publish_and_edit_make_a_new_version_and_retire_the_old_one()
    {
        var id = NewId();

        var draft = await SaveDraftAsync(TestWorkflows.Valid(id));
        var published = await PublishAsync(id);
        var edited = await SaveDraftAsync(TestWorkflows.Valid(id, "第二版"));
        var second = await PublishAsync(id);
        var first = await GetAsync($"{Route}/{id}?version=1");

        Assert.Equal((1, "Draft", false), StateOf(draft));
        Assert.Empty(draft["errors"]!.AsArray());
        Assert.Equal((1, "Published", true), StateOf(published));
        Assert.NotNull(published["publishedAt"]);
        Assert.Equal((2, "Draft", false), StateOf(edited));
        Assert.Equal((2, "Published", true), StateOf(second));
        Assert.Equal("第二版", second["name"]!.GetValue<string>());
        Assert.Equal((1, "Retired", false), StateOf(first));
        Assert.Equal(2, first["root"]!["activities"]!.AsArray().Count);
    }

    [SkippableFact]
    public async Task Invalid_draft_is_saved_with_its_errors_but_publishing_it_is_refused_naming_the_activities()
    {
        var id = NewId();

        var saved = await SaveDraftAsync(TestWorkflows.Invalid(id));
        var problem = await ProblemAsync(await Client.PostAsync($"{Route}/{id}:publish", null), HttpStatusCode.BadRequest);
        var read = await GetAsync($"{Route}/{id}");

        Assert.Equal(["check", "orphan"], TestWorkflows.ActivityIdsIn(saved["errors"]));
        Assert.Equal(["check", "orphan"], TestWorkflows.ActivityIdsIn(problem["errors"]));
        Assert.All(problem["errors"]!.AsArray(), e => Assert.All(ErrorFields, field => Assert.False(string.IsNullOrEmpty(e![field]?.GetValue<string>()))));
        Assert.Contains(problem["errors"]!.AsArray(), e => e!["code"]!.GetValue<string>() == "MissingInput" && e["path"]!.GetValue<string>() == "root.activities[1].condition");
        Assert.Equal((1, "Draft", false), StateOf(read));
        Assert.Equal(["check", "orphan"], TestWorkflows.ActivityIdsIn(read["errors"]));
    }

    [SkippableFact]
    public async Task Draft_with_an_outcome_connected_twice_is_saved_with_the_problem_but_publishing_it_is_a_400_naming_the_connection()
    {
        var id = NewId();

        var saved = await SaveDraftAsync(TestWorkflows.ConnectedTwice(id));
        var problem = await ProblemAsync(await Client.PostAsync($"{Route}/{id}:publish", null), HttpStatusCode.BadRequest);

        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal(("OutcomeConnectedTwice", "root.connections[1].source.port", "start", "Done"),
            (error["code"]!.GetValue<string>(), error["path"]!.GetValue<string>(), error["activityId"]!.GetValue<string>(), error["port"]!.GetValue<string>()));
        Assert.Contains("'done'", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("'also'", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("OutcomeConnectedTwice", Assert.Single(saved["errors"]!.AsArray())!["code"]!.GetValue<string>());
        Assert.Equal((1, "Draft", false), StateOf(saved));
        Assert.Equal((1, "Draft", false), StateOf(await GetAsync($"{Route}/{id}")));
    }

    [SkippableFact]
    public async Task Decision_on_a_misspelt_field_is_saved_with_the_problem_but_publishing_it_is_a_400_naming_the_field_and_the_close_one()
    {
        var id = NewId();

        var saved = await SaveDraftAsync(TestWorkflows.Decision(id, "order.paymnt"));
        var problem = await ProblemAsync(await Client.PostAsync($"{Route}/{id}:publish", null), HttpStatusCode.BadRequest);
        var fixedDraft = await SaveDraftAsync(WithRevision(TestWorkflows.Decision(id, "order.payment"), saved["revision"]!.GetValue<int>()));
        var published = await PublishAsync(id);

        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal(("UnknownField", "root.activities[1].condition.left", "check"),
            (error["code"]!.GetValue<string>(), error["path"]!.GetValue<string>(), error["activityId"]!.GetValue<string>()));
        Assert.Contains("'order.paymnt'", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("did you mean order.payment?", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("UnknownField", Assert.Single(saved["errors"]!.AsArray())!["code"]!.GetValue<string>());
        Assert.Empty(fixedDraft["errors"]!.AsArray());
        Assert.Equal((1, "Published", true), StateOf(published));
    }

    [SkippableFact]
    public async Task Condition_fields_list_the_order_fields_with_their_types_and_the_operators_each_type_takes()
    {
        var catalogue = await GetAsync("/api/activities/condition-fields");

        var payment = Assert.Single(catalogue["fields"]!.AsArray(), f => f!["name"]!.GetValue<string>() == "order.payment")!;
        Assert.Equal("Number", payment["type"]!.GetValue<string>());
        Assert.Contains("gt", catalogue["operators"]!["Number"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.DoesNotContain("gt", catalogue["operators"]!["Boolean"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Contains("contains", catalogue["variableOperators"]!.AsArray().Select(o => o!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task History_lists_every_version_newest_first()
    {
        var id = NewId();
        await SaveDraftAsync(TestWorkflows.Valid(id, "一"));
        await PublishAsync(id);
        await SaveDraftAsync(TestWorkflows.Valid(id, "二"));
        await PublishAsync(id);
        await SaveDraftAsync(TestWorkflows.Valid(id, "三"));

        var history = (await GetAsync($"{Route}/{id}/versions", HttpStatusCode.OK)).AsArray();
        var unknown = await Client.GetAsync($"{Route}/{NewId()}/versions");

        Assert.Equal([(3, "Draft", "三"), (2, "Published", "二"), (1, "Retired", "一")],
            history.Select(v => (v!["version"]!.GetValue<int>(), v["state"]!.GetValue<string>(), v["name"]!.GetValue<string>())));
        Assert.All(history, v => Assert.Matches("^[0-9a-f]{64}$", v!["contentHash"]!.GetValue<string>()));
        Assert.All(history, v => Assert.Equal("api", v!["source"]!.GetValue<string>()));
        Assert.Null(history[0]!["publishedAt"]);
        Assert.Equal(3, history.Select(v => v!["contentHash"]!.GetValue<string>()).Distinct().Count());
        await ProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task Version_parameter_reads_the_latest_the_published_or_a_numbered_version()
    {
        var id = NewId();
        await SaveDraftAsync(TestWorkflows.Valid(id));
        await PublishAsync(id);
        await SaveDraftAsync(TestWorkflows.Valid(id, "草稿"));
        var draftOnly = NewId();
        await SaveDraftAsync(TestWorkflows.Valid(draftOnly));

        Assert.Equal(2, (await GetAsync($"{Route}/{id}"))["version"]!.GetValue<int>());
        Assert.Equal(2, (await GetAsync($"{Route}/{id}?version=latest"))["version"]!.GetValue<int>());
        Assert.Equal((1, "Published", true), StateOf(await GetAsync($"{Route}/{id}?version=published")));
        Assert.Equal((1, "Published", true), StateOf(await GetAsync($"{Route}/{id}?version=1")));
        await ProblemAsync(await Client.GetAsync($"{Route}/{id}?version=7"), HttpStatusCode.NotFound);
        await ProblemAsync(await Client.GetAsync($"{Route}/{draftOnly}?version=published"), HttpStatusCode.NotFound);
        await ProblemAsync(await Client.GetAsync($"{Route}/{NewId()}"), HttpStatusCode.NotFound);
        AssertNamesField(await ProblemAsync(await Client.GetAsync($"{Route}/{id}?version=newest"), HttpStatusCode.BadRequest), "version");
    }

    [SkippableFact]
    public async Task Unpublish_retires_the_published_version()
    {
        var id = NewId();
        await SaveDraftAsync(TestWorkflows.Valid(id));
        await PublishAsync(id);

        var unpublished = await ReadAsync(await Client.PostAsync($"{Route}/{id}:unpublish", null), HttpStatusCode.OK);
        var again = await Client.PostAsync($"{Route}/{id}:unpublish", null);

        Assert.Equal((1, "Retired", false), StateOf(unpublished));
        await ProblemAsync(await Client.GetAsync($"{Route}/{id}?version=published"), HttpStatusCode.NotFound);
        await ProblemAsync(again, HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task Default_sales_order_workflow_cannot_be_unpublished()
    {
        await SaveDraftAsync(TestWorkflows.Valid("sales-order", "销售订单"));
        await PublishAsync("sales-order");

        var problem = await ProblemAsync(await Client.PostAsync($"{Route}/sales-order:unpublish", null), HttpStatusCode.Conflict);

        Assert.Contains("publish another version instead", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Published", (await GetAsync($"{Route}/sales-order?version=published"))["state"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Deleting_the_draft_falls_back_to_the_published_version()
    {
        var id = NewId();
        await SaveDraftAsync(TestWorkflows.Valid(id));
        await PublishAsync(id);
        var draft = await SaveDraftAsync(TestWorkflows.Valid(id, "不要了"));

        var deleted = await Client.DeleteAsync($"{Route}/{id}/draft");
        var again = await Client.DeleteAsync($"{Route}/{id}/draft");
        var basedOnDeleted = await PutDraftAsync(id, WithRevision(TestWorkflows.Valid(id), draft["revision"]!.GetValue<int>()));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAsync(again, HttpStatusCode.NotFound);
        Assert.Equal((1, "Published", true), StateOf(await GetAsync($"{Route}/{id}")));
        await ProblemAsync(basedOnDeleted, HttpStatusCode.Conflict);
    }

    [SkippableFact]
    public async Task Saving_on_a_stale_revision_is_a_409_with_the_current_revision()
    {
        var id = NewId();
        var first = await SaveDraftAsync(TestWorkflows.Valid(id, "一"));
        var firstRevision = first["revision"]!.GetValue<int>();

        var second = await SaveDraftAsync(WithRevision(TestWorkflows.Valid(id, "二"), firstRevision));
        var stale = await PutDraftAsync(id, WithRevision(TestWorkflows.Valid(id, "三"), firstRevision));

        var problem = await ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.True(second["revision"]!.GetValue<int>() > firstRevision);
        Assert.Equal(second["revision"]!.GetValue<int>(), problem["currentRevision"]!.GetValue<int>());
        Assert.Equal("二", (await GetAsync($"{Route}/{id}"))["name"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Export_then_import_round_trips_and_unchanged_content_makes_no_new_version()
    {
        var id = NewId();
        await SaveDraftAsync(TestWorkflows.Valid(id, "导出的流程"));
        await PublishAsync(id);

        var export = await Client.GetAsync($"{Route}/{id}:export");
        var file = JsonNode.Parse(await export.Content.ReadAsStringAsync())!.AsObject();
        var reimported = await ReadAsync(await Client.PostAsJsonAsync($"{Route}:import", file, ServerFixture.Json), HttpStatusCode.OK);
        file["name"] = "导入的新版";
        var changed = await ReadAsync(await Client.PostAsJsonAsync($"{Route}:import?publish=true", file, ServerFixture.Json), HttpStatusCode.OK);
        var changedAgain = await ReadAsync(await Client.PostAsJsonAsync($"{Route}:import?publish=true", file, ServerFixture.Json), HttpStatusCode.OK);
        var history = (await GetAsync($"{Route}/{id}/versions")).AsArray();

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"{id}-v1.json", export.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal((id, 1, true), (file["definitionId"]!.GetValue<string>(), file["version"]!.GetValue<int>(), file["isPublished"]!.GetValue<bool>()));
        Assert.Equal("Start", file["root"]!["activities"]![0]!["type"]!.GetValue<string>());
        Assert.Equal((1, true), (reimported["version"]!.GetValue<int>(), reimported["unchanged"]!.GetValue<bool>()));
        Assert.Equal((2, "Published", true), StateOf(changed));
        Assert.False(changed["unchanged"]!.GetValue<bool>());
        Assert.Equal((2, true), (changedAgain["version"]!.GetValue<int>(), changedAgain["unchanged"]!.GetValue<bool>()));
        Assert.Equal(["import", "api"], history.Select(v => v!["source"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Importing_an_invalid_definition_to_publish_stores_nothing_but_as_a_draft_it_is_kept()
    {
        var id = NewId();

        var refused = await ProblemAsync(await Client.PostAsJsonAsync($"{Route}:import?publish=true", TestWorkflows.Invalid(id), ServerFixture.Json), HttpStatusCode.BadRequest);
        var missing = await Client.GetAsync($"{Route}/{id}");
        var draft = await ReadAsync(await Client.PostAsJsonAsync($"{Route}:import", TestWorkflows.Invalid(id), ServerFixture.Json), HttpStatusCode.OK);

        Assert.Equal(["check", "orphan"], TestWorkflows.ActivityIdsIn(refused["errors"]));
        await ProblemAsync(missing, HttpStatusCode.NotFound);
        Assert.Equal((1, "Draft", false), StateOf(draft));
        Assert.Equal("import", draft["source"]!.GetValue<string>());
        Assert.Equal(["check", "orphan"], TestWorkflows.ActivityIdsIn(draft["errors"]));
    }

    [SkippableFact]
    public async Task Body_for_another_definition_or_that_cannot_be_read_is_a_400_naming_the_field()
    {
        var id = NewId();
        var unreadable = TestWorkflows.Valid(id);
        unreadable["root"]!["activities"] = "start, finish";
        var noRoot = TestWorkflows.Valid(id);
        noRoot.Remove("root");

        var mismatch = await PutDraftAsync(id, TestWorkflows.Valid(NewId()));
        var notAList = await PutDraftAsync(id, unreadable);
        var withoutRoot = await PutDraftAsync(id, noRoot);
        var badId = await Client.PostAsJsonAsync($"{Route}:import", TestWorkflows.Valid("has space:and colon"), ServerFixture.Json);
        var notJson = await Client.PutAsync($"{Route}/{id}/draft", new StringContent("{ \"definitionId\": ", System.Text.Encoding.UTF8, "application/json"));

        AssertNamesField(await ProblemAsync(mismatch, HttpStatusCode.BadRequest), "definitionId");
        AssertNamesField(await ProblemAsync(notAList, HttpStatusCode.BadRequest), "root.activities");
        AssertNamesField(await ProblemAsync(withoutRoot, HttpStatusCode.BadRequest), "root");
        AssertNamesField(await ProblemAsync(badId, HttpStatusCode.BadRequest), "definitionId");
        await ProblemAsync(notJson, HttpStatusCode.BadRequest);
        await ProblemAsync(await Client.GetAsync($"{Route}/{id}"), HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task Colon_actions_reach_their_handlers_and_are_not_read_as_part_of_the_id()
    {
        var id = NewId();

        var publish = await ProblemAsync(await Client.PostAsync($"{Route}/{id}:publish", null), HttpStatusCode.NotFound);
        var unpublish = await ProblemAsync(await Client.PostAsync($"{Route}/{id}:unpublish", null), HttpStatusCode.NotFound);
        var export = await ProblemAsync(await Client.GetAsync($"{Route}/{id}:export"), HttpStatusCode.NotFound);
        var document = await Client.GetStringAsync("/openapi/v1.json");

        Assert.Equal($"Workflow definition '{id}' has no draft to publish.", publish["detail"]!.GetValue<string>());
        Assert.Equal($"Workflow definition '{id}' has no published version.", unpublish["detail"]!.GetValue<string>());
        Assert.Equal($"No workflow definition has id {id}.", export["detail"]!.GetValue<string>());
        Assert.Contains("/api/workflow-definitions/{definitionId}:publish", document, StringComparison.Ordinal);
        Assert.Contains("/api/workflow-definitions:import", document, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task List_has_one_row_per_definition_with_its_latest_and_published_versions()
    {
        var prefix = NewId();
        var (a, b) = ($"{prefix}-a", $"{prefix}-b");
        await SaveDraftAsync(TestWorkflows.Valid(a, "甲"));
        await PublishAsync(a);
        await SaveDraftAsync(TestWorkflows.Valid(a, "甲二"));
        await SaveDraftAsync(TestWorkflows.Valid(b, $"乙 {prefix}"));

        var all = await GetAsync($"{Route}?search={prefix}");
        var second = await GetAsync($"{Route}?search={prefix}&page=2&pageSize=1");
        var byName = await GetAsync($"{Route}?search=乙 {prefix}");

        Assert.Equal(2, all["total"]!.GetValue<int>());
        var rows = all["items"]!.AsArray();
        Assert.Equal([(a, "甲二", 2, (int?)1, true), (b, $"乙 {prefix}", 1, null, true)], rows.Select(r => (
            r!["definitionId"]!.GetValue<string>(), r["name"]!.GetValue<string>(), r["latestVersion"]!.GetValue<int>(),
            r["publishedVersion"]?.GetValue<int>(), r["hasDraft"]!.GetValue<bool>())));
        Assert.NotNull(rows[0]!["updatedAt"]);
        Assert.Equal(b, Assert.Single(second["items"]!.AsArray())!["definitionId"]!.GetValue<string>());
        Assert.Equal(b, Assert.Single(byName["items"]!.AsArray())!["definitionId"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Concurrent_publishes_of_one_draft_publish_it_once()
    {
        var id = NewId();
        await SaveDraftAsync(TestWorkflows.Valid(id));

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Client.PostAsync($"{Route}/{id}:publish", null)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Contains(r.StatusCode, LostRace));
        Assert.Equal((1, "Published", true), StateOf(await GetAsync($"{Route}/{id}")));
    }

    [SkippableFact]
    public async Task Concurrent_first_saves_leave_one_draft()
    {
        var id = NewId();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => PutDraftAsync(id, TestWorkflows.Valid(id, $"并发 {i}"))));

        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        var history = (await GetAsync($"{Route}/{id}/versions")).AsArray();
        Assert.Equal((1, "Draft"), (Assert.Single(history)!["version"]!.GetValue<int>(), history[0]!["state"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Shop_runs_a_published_workflow_and_one_not_published_is_refused_naming_the_field()
    {
        var id = NewId();
        await SaveDraftAsync(TestWorkflows.Valid(id));
        var request = new ShopRequest(Unique("shop"), "自定义流程店", "jd", null, null, null, null, true, null, id);

        var draftOnly = await Client.PostAsJsonAsync("/api/shops", request, ServerFixture.Json);
        await PublishAsync(id);
        var created = await Client.PostAsJsonAsync("/api/shops", request, ServerFixture.Json);
        var shop = await ServerFixture.ReadAsync<ShopResponse>(created);
        var read = await Client.GetFromJsonAsync<ShopResponse>($"/api/shops/{shop.Id}", ServerFixture.Json);
        var unknown = await Client.PutAsJsonAsync($"/api/shops/{shop.Id}", request with { Version = shop.Version, WorkflowDefinitionId = "no-such-workflow" }, ServerFixture.Json);
        var unpublish = await ProblemAsync(await Client.PostAsync($"{Route}/{id}:unpublish", null), HttpStatusCode.Conflict);
        var cleared = await Client.PutAsJsonAsync($"/api/shops/{shop.Id}", request with { Version = shop.Version, WorkflowDefinitionId = null }, ServerFixture.Json);

        AssertNamesField(await ProblemAsync(draftOnly, HttpStatusCode.BadRequest), "workflowDefinitionId");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(id, shop.WorkflowDefinitionId);
        Assert.Equal(id, read!.WorkflowDefinitionId);
        AssertNamesField(await ProblemAsync(unknown, HttpStatusCode.BadRequest), "workflowDefinitionId");
        Assert.Contains(shop.Code, unpublish["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null((await ServerFixture.ReadAsync<ShopResponse>(cleared)).WorkflowDefinitionId);
    }

    private static string NewId() => Unique("flow").ToLowerInvariant();

    private static JsonObject WithRevision(JsonObject definition, int revision)
    {
        definition["revision"] = revision;
        return definition;
    }

    private static (int Version, string State, bool IsPublished) StateOf(JsonNode definition) =>
        (definition["version"]!.GetValue<int>(), definition["state"]!.GetValue<string>(), definition["isPublished"]!.GetValue<bool>());

    private Task<HttpResponseMessage> PutDraftAsync(string definitionId, JsonObject definition) =>
        Client.PutAsJsonAsync($"{Route}/{definitionId}/draft", definition, ServerFixture.Json);

    private async Task<JsonObject> SaveDraftAsync(JsonObject definition) =>
        await ReadAsync(await PutDraftAsync(definition["definitionId"]!.GetValue<string>(), definition), HttpStatusCode.OK);

    private async Task<JsonObject> PublishAsync(string definitionId) =>
        await ReadAsync(await Client.PostAsync($"{Route}/{definitionId}:publish", null), HttpStatusCode.OK);

    private async Task<JsonNode> GetAsync(string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        await ReadNodeAsync(await Client.GetAsync(url), expected);

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, HttpStatusCode expected) =>
        (await ReadNodeAsync(response, expected)).AsObject();

    private static async Task<JsonNode> ReadNodeAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }
}

public sealed class SqliteWorkflowDefinitionsApiTests(SqliteServerFixture server) : WorkflowDefinitionsApiTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PostgreSqlWorkflowDefinitionsApiTests(PostgreSqlServerFixture server) : WorkflowDefinitionsApiTests(server), IClassFixture<PostgreSqlServerFixture>;
