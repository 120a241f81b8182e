using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orchestrator.Lifecycle.Activities;
using Orchestrator.Lifecycle.Exceptions;
using Orchestrator.Lifecycle.Intake;
using Orchestrator.Lifecycle.Inventory;
using Orchestrator.Lifecycle.Providers;
using Orchestrator.Lifecycle.Providers.Waybills;
using Orchestrator.Lifecycle.Review;
using Orchestrator.Persistence.Intake;
using Orchestrator.Persistence.Inventory;
using Orchestrator.Rules;
using Orchestrator.Workflows.Execution;
using Orchestrator.Workflows.Execution.ControlFlow;
using Orchestrator.Workflows.Runtime.EntityFramework;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Lifecycle;

public static class LifecycleSetup
{
    /// <summary>
    /// Registers the sales-order activities and their providers. Providers are scoped (they use the step's database
    /// context); activities are stateless singletons that resolve them from the step's services. <paramref name="configuration"/>
    /// chooses the waybill issuer (<c>Waybill:*</c>).
    /// </summary>
    public static IServiceCollection AddSalesOrderLifecycle(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<RuleSetCache>();
        services.AddScoped<RuleSetStore>();
        services.AddScoped<OrderFactsBuilder>();
        services.AddScoped<RulesReviewPolicy>();
        services.AddScoped<IReviewPolicy>(sp => sp.GetRequiredService<RulesReviewPolicy>());
        services.AddScoped<RuleImpactPreview>();
        services.AddScoped<IStockAvailability, InventoryStockAvailability>();
        services.AddScoped<StockLedger>();
        services.AddWaybillIssuer(configuration);
        services.AddScoped<OrderWaybills>();
        services.AddHostedService<WaybillCancellationService>();
        services.AddScoped<IInstanceCancellationHandler, CancelWaybillsOnCancel>();
        services.AddScoped<LocalShipmentLedger>();
        services.AddScoped<IShipmentConfirmer, PlatformShipmentConfirmer>();
        services.AddSingleton<IFieldResolver, OrderFieldResolver>();
        services.AddSingleton<StockArrivals>();
        services.AddScoped<IInstanceCancellationHandler, ReleaseStockOnCancel>();
        services.AddScoped<ExceptionHolds>();
        services.AddScoped<IInstanceHoldHandler>(sp => sp.GetRequiredService<ExceptionHolds>());
        services.AddScoped<IInstanceCancellationHandler>(sp => sp.GetRequiredService<ExceptionHolds>());
        services.AddHostedService<StockRecheckService>();

        services.AddSingleton<IInstanceAggregate, OrderAggregate>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IIntakeObserver, OrderWorkflowTrigger>());
        services.AddSingleton<IActivity, ImportOrderActivity>();
        services.AddSingleton<IActivity, AwaitReviewActivity>();
        services.AddSingleton<IActivity, CancelOrderActivity>();
        services.AddSingleton<IActivity, AwaitStockActivity>();
        services.AddSingleton<IActivity, AllocateWarehouseActivity>();
        services.AddSingleton<IActivity, AwaitResolutionActivity>();
        services.AddSingleton<IActivity, PickActivity>();
        services.AddSingleton<IActivity, VerifyActivity>();
        services.AddSingleton<IActivity, WeighShipActivity>();
        services.AddSingleton<IActivity, ServiceReviewActivity>();
        services.AddSingleton<IActivity, OutOfStockCheckActivity>();
        services.AddSingleton<IActivity, RequestWaybillActivity>();
        services.AddSingleton<IActivity, ConfirmShipmentActivity>();
        return services;
    }
}
