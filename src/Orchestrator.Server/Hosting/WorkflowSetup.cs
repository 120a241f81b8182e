using Orchestrator.Integrations;
using Orchestrator.Integrations.Runtime;
using Orchestrator.Lifecycle;
using Orchestrator.Persistence;
using Orchestrator.Workflows.Runtime.EntityFramework;
using Orchestrator.Workflows.Runtime.Hosting;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Server.Hosting;

/// <summary>Registers the workflow runtime (Orleans silo, interpreter, trigger, recovery), its stores on EF Core, the definition store, the platform adapters and the sales-order activities.</summary>
internal static class WorkflowSetup
{
    public static WebApplicationBuilder AddOrchestratorWorkflows(this WebApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.AddWorkflowRuntime(database.Provider.ToString(), database.ConnectionString);
        builder.Services.AddWorkflowStoresOnEntityFramework(builder.Configuration);
        builder.Services.AddPlatformAdapters(builder.Configuration);
        builder.Services.AddSalesOrderLifecycle(builder.Configuration);
        builder.Services.AddSingleton<IResumeAnswer, Apis.OrderResumeAnswer>();
        builder.Services.AddSingleton<Apis.OrderInstances>();
        builder.Services.AddIntegrationsRuntime(builder.Configuration);
        return builder;
    }
}
