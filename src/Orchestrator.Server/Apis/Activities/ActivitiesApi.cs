using Orchestrator.Server.Security;
using Orchestrator.Workflows.Activities;

namespace Orchestrator.Server.Apis.Activities;

/// <summary>The palette: every activity type this server runs, with its inputs and outcome ports.</summary>
internal static class ActivitiesApi
{
    public static IEndpointRouteBuilder MapActivitiesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/activities", (ActivityCatalog catalog) =>
            Results.Ok(catalog.All.OrderBy(d => d.Category, StringComparer.Ordinal).ThenBy(d => d.DisplayName, StringComparer.Ordinal).ToList()))
            .WithTags("Workflow definitions").ForReaders();
        return routes;
    }
}
