using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Orchestrator.Persistence;
using Orchestrator.Persistence.PostgreSql;
using Orchestrator.Persistence.Sqlite;
using Orchestrator.Persistence.SqlServer;

namespace Orchestrator.Server.Tests.Persistence;

/// <summary>Every provider's migrations describe the current model; SQL Server, which cannot run here, is checked by its script.</summary>
public class MigrationsTests
{
    public static TheoryData<string> Providers => ["Sqlite", "SqlServer", "PostgreSql"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_cover_every_model_change(string provider)
    {
        using var db = DesignTimeContext(provider);

        Assert.False(db.Database.HasPendingModelChanges(), $"Run 'dotnet ef migrations add <Name> --project src/Orchestrator.Persistence.{provider}'.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void No_provider_retries_inside_EF_so_steps_and_audits_may_open_their_own_transactions(string provider)
    {
        using var db = DesignTimeContext(provider);

        Assert.False(db.Database.CreateExecutionStrategy().RetriesOnFailure,
            "A retrying execution strategy refuses user-opened transactions (workflow steps, stock ledger, audit); outages are retried by the grain and answered 503 by the API instead.");
    }

    [Fact]
    public void Checked_in_SQL_Server_script_matches_the_migrations()
    {
        using var db = DesignTimeContext("SqlServer");
        var generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var checkedIn = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Orchestrator.Persistence.SqlServer", "Migrations", "migrations.sql"));

        Assert.True(Normalize(generated) == Normalize(checkedIn),
            "src/Orchestrator.Persistence.SqlServer/Migrations/migrations.sql is out of date: regenerate it with 'dotnet ef migrations script --idempotent' (see README).");
    }

    private static OrchestratorDbContext DesignTimeContext(string provider) => provider switch
    {
        "Sqlite" => new SqliteDesignTimeFactory().CreateDbContext([]),
        "SqlServer" => new SqlServerDesignTimeFactory().CreateDbContext([]),
        _ => new PostgreSqlDesignTimeFactory().CreateDbContext([]),
    };

    private static string Normalize(string sql) => sql.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Orchestrator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Orchestrator.sln not found above " + AppContext.BaseDirectory);
    }
}
