using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Audit;
using Orchestrator.Persistence.Diagnostics;
using Orchestrator.Persistence.GroupCommit;
using Orchestrator.Persistence.Intake;
using Orchestrator.Persistence.PostgreSql;
using Orchestrator.Persistence.ReferenceData;
using Orchestrator.Persistence.Sqlite;
using Orchestrator.Persistence.SqlServer;
using Orchestrator.Workflows.Runtime.EntityFramework;
using Orchestrator.Workflows.Runtime.Instances;

namespace Orchestrator.Server.Hosting;

/// <summary>Chooses the database provider from configuration and brings the schema up to date at start.</summary>
internal static class DatabaseSetup
{
    public static WebApplicationBuilder AddOrchestratorDatabase(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = options.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (options.Provider != DatabaseProvider.Sqlite)
            {
                throw new InvalidOperationException($"Database:ConnectionString is required when Database:Provider is {options.Provider}.");
            }

            connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(builder.DataFolder(), "orchestrator.db"),
                DefaultTimeout = 30,
            }.ToString();
        }

        builder.Services.AddSingleton(options);

        // Pooled contexts with options built once: a context handed out again costs a reset, not EF's internal service
        // scope and options per scope (about 4% of the server's CPU per order when every grain call and request built
        // them; docs/decisions.md, Hot path v2). Each scope still gets its own context, which names the scope's actor.
        builder.Services.AddPooledDbContextFactory<OrchestratorDbContext>((services, db) => (options.Provider switch
        {
            DatabaseProvider.Sqlite => db.UseOrchestratorSqlite(connectionString, options.Sqlite.MaxPageCount),
            DatabaseProvider.SqlServer => db.UseOrchestratorSqlServer(connectionString),
            DatabaseProvider.PostgreSql => db.UseOrchestratorPostgreSql(connectionString),
            _ => throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'."),
        }).AddInterceptors(
            services.GetRequiredService<AuditInterceptor>(), services.GetRequiredService<DatabaseActivity>(), services.GetRequiredService<ReferenceDataChanges>(),
            services.GetRequiredService<AggregateWrites>()));
        builder.Services.AddScoped(services =>
        {
            var db = services.GetRequiredService<IDbContextFactory<OrchestratorDbContext>>().CreateDbContext();
            db.AuditActor = services.GetRequiredService<IAuditActor>();
            return db;
        });
        builder.Services.AddSingleton<DatabaseActivity>();
        if (options.Provider == DatabaseProvider.Sqlite && options.Sqlite.GroupCommit)
        {
            builder.Services.AddSingleton<IGroupCommit>(services => new SqliteGroupCommit(services.GetRequiredService<DatabaseActivity>(), services.GetRequiredService<TimeProvider>()));
        }
        else if (options.Provider == DatabaseProvider.PostgreSql && options.PostgreSql.GroupCommit)
        {
            builder.Services.AddSingleton<IGroupCommit>(services => new PostgreSqlGroupCommit(services.GetRequiredService<DatabaseActivity>(), services.GetRequiredService<TimeProvider>()));
        }

        builder.Services.AddSingleton(builder.Configuration.GetSection(ReferenceDataOptions.Section).Get<ReferenceDataOptions>() ?? new ReferenceDataOptions());
        builder.Services.AddSingleton<ReferenceDataCache>();
        builder.Services.AddSingleton<ReferenceDataChanges>();

        // The audit trail: one actor per scope (request, grain call, job), given to the scope's context, so each names its own.
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<IAuditActor, HttpAuditActor>();
        builder.Services.AddSingleton(services => new AuditInterceptor(null, services.GetRequiredService<TimeProvider>()));
        builder.Services.AddScoped<OrderIntake>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>Applies pending migrations, turns on SQLite's write-ahead log and adds reference data.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, bool seedDemo)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrchestratorDbContext>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while the single writer commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        await ReferenceData.EnsurePlatformsAsync(db);
        await Security.FirstAdmin.EnsureAsync(scope.ServiceProvider, app.Logger, app.Lifetime.ApplicationStopping);
        await app.ImportWorkflowFolderAsync(scope.ServiceProvider);
        if (seedDemo)
        {
            await DemoData.SeedAsync(db, app.Logger);
        }
    }
}
