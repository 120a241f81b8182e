using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Workflows.Runtime.Hosting;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Workflows.Runtime.EntityFramework;

public static class WorkflowStoreSetup
{
    /// <summary>
    /// The runtime's stores on the scope's <c>OrchestratorDbContext</c>: instances and their runs, and the definition
    /// store. <see cref="AggregateWrites"/> counts others' saves to an aggregate only in a single-process runtime: in a
    /// cluster another server saves where this one cannot see it.
    /// </summary>
    public static IServiceCollection AddWorkflowStoresOnEntityFramework(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RuntimeOptions.Section).Get<RuntimeOptions>() ?? new RuntimeOptions();
        services.AddScoped<IWorkflowInstanceStore, EntityFrameworkInstanceStore>();
        services.AddScoped<WorkflowDefinitionStore>();
        services.AddSingleton(sp => new AggregateWrites(sp.GetService<IInstanceAggregate>(), enabled: options.Clustering != ClusteringKind.AdoNet));
        return services;
    }
}
