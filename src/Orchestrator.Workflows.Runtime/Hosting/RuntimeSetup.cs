using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orchestrator.Persistence.Intake;
using Orchestrator.Workflows.Execution;
using Orchestrator.Workflows.Execution.ControlFlow;
using Orchestrator.Workflows.Runtime.Clustering;
using Orchestrator.Workflows.Runtime.Grains;
using Orchestrator.Workflows.Runtime.Instances;
using Orchestrator.Workflows.Validation;
using Orleans.Configuration;

namespace Orchestrator.Workflows.Runtime.Hosting;

public static class RuntimeSetup
{
    /// <summary>
    /// Adds the co-hosted Orleans silo, the interpreter, the control-flow activities, the background waker and start-up
    /// recovery. Domain activities are registered by their own modules as <see cref="IActivity"/>; the stores
    /// (<see cref="IWorkflowInstanceStore"/>) by a persistence module.
    /// </summary>
    public static IHostApplicationBuilder AddWorkflowRuntime(this IHostApplicationBuilder builder, string databaseProvider, string? databaseConnectionString)
    {
        var section = builder.Configuration.GetSection(RuntimeOptions.Section);
        var options = section.Get<RuntimeOptions>() ?? new RuntimeOptions();
        builder.Services.Configure<RuntimeOptions>(section);

        foreach (var activity in ControlFlowSet.Create())
        {
            builder.Services.AddSingleton(activity);
        }

        builder.Services.AddSingleton(sp => new ActivityRegistry(sp.GetServices<IActivity>()));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<ActivityRegistry>().Catalog);
        builder.Services.AddSingleton(sp => new ConditionFieldCatalog(sp.GetServices<IFieldResolver>()));
        builder.Services.AddSingleton(sp => new WorkflowValidator(
            sp.GetRequiredService<Activities.ActivityCatalog>(), builder.Configuration.GetValue("Workflows:MaxActivities", 2_000),
            sp.GetRequiredService<ConditionFieldCatalog>()));
        builder.Services.AddSingleton<FlowchartInterpreter>();
        builder.Services.AddSingleton<DefinitionCache>();
        builder.Services.AddSingleton<InstanceWakeups>();
        builder.Services.AddSingleton(_ => new InstanceHandoff(enabled: options.Clustering != ClusteringKind.AdoNet));
        builder.Services.AddHostedService<InstanceWaker>();
        builder.Services.AddHostedService<InstanceRecovery>();

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });
            silo.Services.Configure<ClusterMembershipOptions>(section.GetSection(RuntimeOptions.MembershipSection));
            silo.Services.Configure<GrainCollectionOptions>(collection =>
            {
                // Idle instances leave memory after IdleInstanceSeconds; the collector looks at most every half of that.
                var idle = TimeSpan.FromSeconds(Math.Max(2, options.IdleInstanceSeconds));
                collection.CollectionQuantum = TimeSpan.FromTicks(Math.Min(collection.CollectionQuantum.Ticks, idle.Ticks / 2));
                collection.ClassSpecificCollectionAge[typeof(WorkflowInstanceGrain).FullName!] = idle;
            });
            if (options.Clustering == ClusteringKind.AdoNet)
            {
                silo.UseAdoNet(options, databaseProvider, databaseConnectionString);
            }
            else
            {
                // Reminders kept in memory: InstanceRecovery re-arms every timer from the database at start.
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort);
                silo.UseInMemoryReminderService();
            }
        });
        return builder;
    }
}
