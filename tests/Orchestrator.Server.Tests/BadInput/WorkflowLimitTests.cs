using System.Globalization;
using System.Net;
using System.Text;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.BadInput;

/// <summary>
/// A million activities do not fit the 8 MiB body limit (413); a definition under it but past Workflows:MaxActivities (2,000) or
/// Workflows:MaxConnections (10,000) is a 400 naming the list; neither is stored, not even as a draft.
/// </summary>
public sealed class WorkflowLimitTests(SqliteServerFixture server) : BadInputTestBase(server), IClassFixture<SqliteServerFixture>
{
    [SkippableFact]
    public async Task A_million_activities_are_a_413_on_import_and_on_save()
    {
        var id = Unique("million").ToLowerInvariant();
        var json = Definition(id, activities: 1_000_000, connections: 0);
        var before = await CountRowsAsync();

        await ProblemAsync(await PostRawAsync("/api/workflow-definitions:import", json), HttpStatusCode.RequestEntityTooLarge);
        await ProblemAsync(await SendRawAsync(HttpMethod.Put, $"/api/workflow-definitions/{id}/draft", json), HttpStatusCode.RequestEntityTooLarge);

        Assert.True(Encoding.UTF8.GetByteCount(json) > 8 * 1024 * 1024);
        Assert.Equal(before, await CountRowsAsync());
        await AssertStillServesAsync();
    }

    [SkippableTheory]
    [InlineData(2_001, 0, "root.activities")]
    [InlineData(50_000, 0, "root.activities")]
    [InlineData(2, 10_001, "root.connections")]
    public async Task Past_the_count_limits_is_a_400_naming_the_list_and_stores_no_draft(int activities, int connections, string field)
    {
        var id = Unique("big").ToLowerInvariant();
        var json = Definition(id, activities, connections);
        Assert.True(Encoding.UTF8.GetByteCount(json) < 8 * 1024 * 1024);
        var before = await CountRowsAsync();

        var imported = await ProblemAsync(await PostRawAsync("/api/workflow-definitions:import", json), HttpStatusCode.BadRequest);
        var saved = await ProblemAsync(await SendRawAsync(HttpMethod.Put, $"/api/workflow-definitions/{id}/draft", json), HttpStatusCode.BadRequest);

        AssertNamesField(imported, field);
        AssertNamesField(saved, field);
        Assert.Equal(before, await CountRowsAsync());
        await ProblemAsync(await Client.GetAsync($"/api/workflow-definitions/{id}"), HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task At_the_limits_a_definition_is_taken()
    {
        var id = Unique("edge").ToLowerInvariant();

        var response = await PostRawAsync("/api/workflow-definitions:import", Definition(id, 2_000, 1_999));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // A Start and then Finishes, with connections from the Start to them in turn: the counts are checked before anything else.
    private static string Definition(string id, int activities, int connections)
    {
        var json = new StringBuilder(activities * 40 + connections * 90);
        json.Append("{\"definitionId\":\"").Append(id).Append("\",\"name\":\"大流程\",\"root\":{\"type\":\"Flowchart\",\"activities\":[");
        for (var i = 0; i < activities; i++)
        {
            if (i == 0)
            {
                json.Append("{\"id\":\"a0\",\"type\":\"Start\"}");
            }
            else
            {
                json.Append(CultureInfo.InvariantCulture, $",{{\"id\":\"a{i}\",\"type\":\"Finish\"}}");
            }
        }

        json.Append("],\"connections\":[");
        for (var i = 0; i < connections; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"{{\"source\":{{\"activity\":\"a0\",\"port\":\"Done\"}},\"target\":{{\"activity\":\"a{1 + (i % Math.Max(1, activities - 1))}\"}}}}");
        }

        return json.Append("]}}").ToString();
    }
}
