using Orchestrator.Server.Security;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Execution.ControlFlow;

namespace Orchestrator.Server.Apis.Activities;

/// <summary>The palette: every activity type this server runs, with its inputs and outcome ports; and the fields a Decision may test.</summary>
internal static class ActivitiesApi
{
    public static IEndpointRouteBuilder MapActivitiesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/activities", (ActivityCatalog catalog) =>
            Results.Ok(catalog.All.OrderBy(d => d.Category, StringComparer.Ordinal).ThenBy(d => d.DisplayName, StringComparer.Ordinal).ToList()))
            .WithTags("Workflow definitions").ForReaders();
        routes.MapGet("/api/activities/condition-fields", (ConditionFieldCatalog fields) => Results.Ok(new ConditionFieldsResponse(
                [.. fields.Fields.Select(f => new ConditionFieldResponse(f.Name, f.Type.ToString(), f.Description))],
                ConditionFieldCatalog.Operators.ToDictionary(p => p.Key.ToString(), p => p.Value),
                DecisionActivity.Operators)))
            .WithTags("Workflow definitions").ForReaders();
        return routes;
    }
}
