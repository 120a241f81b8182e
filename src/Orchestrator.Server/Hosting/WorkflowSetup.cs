using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Runtime.Definitions;
using Orchestrator.Workflows.Validation;

namespace Orchestrator.Server.Hosting;

/// <summary>Registers the activity catalog, the validator and the workflow runtime.</summary>
internal static class WorkflowSetup
{
    public static WebApplicationBuilder AddOrchestratorWorkflows(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new ActivityCatalog(ControlFlowActivities.All));
        builder.Services.AddSingleton(sp => new WorkflowValidator(sp.GetRequiredService<ActivityCatalog>()));
        builder.Services.AddScoped<WorkflowDefinitionStore>();
        return builder;
    }
}
