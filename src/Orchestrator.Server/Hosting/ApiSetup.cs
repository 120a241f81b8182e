using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Orchestrator.Persistence;
using Orchestrator.Server.Apis.Orders;
using Orchestrator.Server.Apis.WorkflowDefinitions;
using Scalar.AspNetCore;

namespace Orchestrator.Server.Hosting;

/// <summary>JSON, problem details, validation, OpenAPI and health: what every endpoint relies on.</summary>
internal static class ApiSetup
{
    public static WebApplicationBuilder AddOrchestratorApi(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new TextWithoutNulConverter());
        });
        // Unreadable bodies reach ApiExceptionHandler in every environment, not only in Development.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier);
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();

        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        builder.Services.AddValidatorsFromAssemblyContaining<ApiExceptionHandler>(includeInternalTypes: true);
        builder.Services.AddScoped<Security.UserAccounts>();
        builder.Services.Configure<IntakeOptions>(builder.Configuration.GetSection(IntakeOptions.Section));
        builder.Services.Configure<RequestBodyLimitOptions>(builder.Configuration.GetSection(RequestBodyLimitOptions.Section));
        builder.Services.Configure<WorkflowLimitsOptions>(builder.Configuration.GetSection(WorkflowLimitsOptions.Section));

        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddDbContextCheck<OrchestratorDbContext>("database", tags: ["ready"]);
        return builder;
    }

    public static WebApplication MapOrchestratorInfrastructure(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimit>();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(o => o.WithTitle("Orchestrator API")).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }
}
