using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Workflows;
using Orchestrator.Server.Security;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Runtime.Definitions;
using Orchestrator.Workflows.Runtime.EntityFramework;

namespace Orchestrator.Server.Apis.WorkflowDefinitions;

/// <summary>
/// Workflow definitions for the designer: drafts, publishing, history, and export/import of the Elsa-shaped JSON.
/// Actions on a definition are custom methods after a colon (<c>/{definitionId}:publish</c>), as in Google's API design guide.
/// </summary>
internal static class WorkflowDefinitionsApi
{
    private const string Route = "/api/workflow-definitions";
    private const string Tag = "Workflow definitions";
    private static readonly JsonSerializerOptions Export = new(WorkflowJson.Options) { WriteIndented = true };

    public static IEndpointRouteBuilder MapWorkflowDefinitionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(Route).WithTags(Tag);
        group.MapGet("/", List).ForReaders();
        group.MapGet("/{definitionId}", Get).ForReaders();
        group.MapGet("/{definitionId}/versions", Versions).ForReaders();
        group.MapPut("/{definitionId}/draft", SaveDraft).Accepts<WorkflowDefinitionRequest>("application/json").Validate<WorkflowDefinitionRequest>().ForOpsLeads();
        group.MapDelete("/{definitionId}/draft", DeleteDraft).ForOpsLeads();
        group.MapPost("/{definitionId}:publish", Publish).ForOpsLeads();
        group.MapPost("/{definitionId}:unpublish", Unpublish).ForOpsLeads();
        group.MapPost("/{definitionId}/versions/{version:int}:republish", Republish).ForOpsLeads();
        group.MapGet("/{definitionId}:export", ExportFile).ForReaders();
        routes.MapPost($"{Route}:import", Import).WithTags(Tag).Accepts<WorkflowDefinitionRequest>("application/json").Validate<WorkflowDefinitionRequest>().ForOpsLeads();
        return routes;
    }

    private static async Task<IResult> List(OrchestratorDbContext db, [AsParameters] PageQuery page, string? search, CancellationToken ct)
    {
        if (page.Problem() is { } problem)
        {
            return problem;
        }

        var versions = db.WorkflowDefinitions.AsNoTracking();
        var latest = versions.Where(d => d.Version == versions.Where(v => v.DefinitionId == d.DefinitionId).Max(v => v.Version));
        if (!string.IsNullOrWhiteSpace(search))
        {
            latest = latest.Where(d => d.DefinitionId.Contains(search) || (d.Name != null && d.Name.Contains(search)));
        }

        // The draft, when there is one, is always the latest version.
        var summaries = latest.OrderBy(d => d.DefinitionId).Select(d => new WorkflowDefinitionSummaryResponse(
            d.DefinitionId,
            d.Name,
            d.Version,
            versions.Where(v => v.DefinitionId == d.DefinitionId && v.State == DefinitionState.Published).Select(v => (int?)v.Version).FirstOrDefault(),
            d.State == DefinitionState.Draft,
            versions.Where(v => v.DefinitionId == d.DefinitionId).Max(v => v.UpdatedAt)));
        return Results.Ok(await summaries.ToPageAsync(page, s => s, ct));
    }

    private static async Task<IResult> Get(string definitionId, string? version, WorkflowDefinitionStore store, CancellationToken ct)
    {
        var (record, otherwise) = await FindAsync(store, definitionId, version, ct);
        return record is null ? otherwise : Results.Ok(WorkflowDefinitionResponse.From(record, store.ErrorsOf(record)));
    }

    private static async Task<IResult> Versions(string definitionId, WorkflowDefinitionStore store, OrchestratorDbContext db, CancellationToken ct)
    {
        var versions = await store.ListVersionsAsync(definitionId, ct);
        if (versions.Count == 0)
        {
            return Problems.NotFound("Workflow definition", definitionId);
        }

        var publishers = await DefinitionPublishers.OfAsync(db, definitionId, versions.Select(v => v.Version), ct);
        return Results.Ok(versions.Select(v => WorkflowDefinitionVersionResponse.From(v, publishers.GetValueOrDefault(v.Version))).ToList());
    }

    private static async Task<IResult> SaveDraft(string definitionId, WorkflowDefinitionRequest? request, WorkflowDefinitionStore store, CancellationToken ct)
    {
        if (request!.DefinitionId != definitionId)
        {
            return Problems.Invalid("definitionId", $"The body is for '{request.DefinitionId}' but the URL for '{definitionId}'; they must be the same.");
        }

        return (await store.SaveDraftAsync(request.ToDefinition(), request.Revision, "api", ct)).ToHttp();
    }

    private static async Task<IResult> DeleteDraft(string definitionId, WorkflowDefinitionStore store, CancellationToken ct) =>
        await store.DeleteDraftAsync(definitionId, ct)
            ? Results.NoContent()
            : DefinitionResults.NotFound($"Workflow definition '{definitionId}' has no draft.");

    private static async Task<IResult> Publish(string definitionId, WorkflowDefinitionStore store, CancellationToken ct) =>
        (await store.PublishAsync(definitionId, ct)).ToHttp();

    // Rolling back publishes an earlier version's content as a new version; the version rolled back to stays as it was.
    private static async Task<IResult> Republish(string definitionId, int version, WorkflowDefinitionStore store, CancellationToken ct) =>
        (await store.RepublishAsync(definitionId, version, ct)).ToHttp();

    private static async Task<IResult> Unpublish(string definitionId, WorkflowDefinitionStore store, CancellationToken ct) =>
        (await store.UnpublishAsync(definitionId, ct)).ToHttp();

    private static async Task<IResult> ExportFile(string definitionId, string? version, WorkflowDefinitionStore store, CancellationToken ct)
    {
        var (record, otherwise) = await FindAsync(store, definitionId, version, ct);
        if (record is null)
        {
            return otherwise;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(DefinitionContent.Parse(record.Json), Export);
        return Results.File(json, "application/json", $"{record.DefinitionId}-v{record.Version}.json");
    }

    private static async Task<IResult> Import(WorkflowDefinitionRequest? request, bool? publish, WorkflowDefinitionStore store, CancellationToken ct) =>
        (await store.ImportAsync(request!.ToDefinition(), publish ?? false, "import", ct)).ToHttp(isImport: true);

    // ?version=latest (the default), published, or a version number; Otherwise is the answer when there is no such version.
    private static async Task<(WorkflowDefinitionRecord? Record, IResult Otherwise)> FindAsync(
        WorkflowDefinitionStore store, string definitionId, string? version, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(version) || string.Equals(version, "latest", StringComparison.OrdinalIgnoreCase))
        {
            return (await store.FindLatestAsync(definitionId, ct), Problems.NotFound("Workflow definition", definitionId));
        }

        if (string.Equals(version, "published", StringComparison.OrdinalIgnoreCase))
        {
            return (await store.FindPublishedAsync(definitionId, ct), DefinitionResults.NotFound($"Workflow definition '{definitionId}' has no published version."));
        }

        return int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? (await store.FindVersionAsync(definitionId, number, ct), DefinitionResults.NotFound($"Workflow definition '{definitionId}' has no version {number}."))
            : (null, Problems.Invalid("version", "version is 'latest', 'published' or a version number such as 3."));
    }
}
