using Orchestrator.Server.Apis.Activities;
using Orchestrator.Server.Apis.Combos;
using Orchestrator.Server.Apis.Exceptions;
using Orchestrator.Server.Apis.Floor;
using Orchestrator.Server.Apis.Goods;
using Orchestrator.Server.Apis.LogisticsCompanies;
using Orchestrator.Server.Apis.Orders;
using Orchestrator.Server.Apis.Packages;
using Orchestrator.Server.Apis.PickLists;
using Orchestrator.Server.Apis.Platforms;
using Orchestrator.Server.Apis.Pull;
using Orchestrator.Server.Apis.Review;
using Orchestrator.Server.Apis.Rules;
using Orchestrator.Server.Apis.Shops;
using Orchestrator.Server.Apis.Stock;
using Orchestrator.Server.Apis.StockSync;
using Orchestrator.Server.Apis.Warehouses;
using Orchestrator.Server.Apis.Waybills;
using Orchestrator.Server.Apis.WorkflowDefinitions;
using Orchestrator.Server.Apis.WorkflowInstances;
using Orchestrator.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddOrchestratorLogging();
builder.AddOrchestratorDatabase();
builder.AddOrchestratorApi();
builder.AddOrchestratorRateLimiting();
builder.AddOrchestratorWorkflows();

var app = builder.Build();
app.UseOrchestratorRequestLogging();
app.MapOrchestratorInfrastructure();

app.MapPlatformsApi();
app.MapShopsApi();
app.MapWarehousesApi();
app.MapLogisticsCompaniesApi();
app.MapFreightRatesApi();
app.MapGoodsApi();
app.MapCombosApi();
app.MapOrdersApi();
app.MapStockApi();
app.MapPullApi();
app.MapStockSyncApi();
app.MapActivitiesApi();
app.MapWorkflowDefinitionsApi();
app.MapWorkflowInstancesApi();
app.MapReviewApi();
app.MapExceptionsApi();
app.MapFloorApi();
app.MapWaybillsApi();
app.MapPickListsApi();
app.MapPackagesApi();
app.MapRulesApi();
app.MapBuyerBlacklistApi();
app.MapDesigner();

await app.PrepareDatabaseAsync(DemoData.IsWanted(app.Configuration, args));
await app.RunAsync();

/// <summary>The server's entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
