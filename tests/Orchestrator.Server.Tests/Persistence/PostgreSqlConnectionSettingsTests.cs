using Microsoft.EntityFrameworkCore;
using Npgsql;
using Orchestrator.Persistence;
using Orchestrator.Persistence.PostgreSql;

namespace Orchestrator.Server.Tests.Persistence;

/// <summary>What the server adds to a PostgreSQL connection string that leaves it out, and that what it says wins.</summary>
public sealed class PostgreSqlConnectionSettingsTests
{
    [Fact]
    public void A_connection_string_without_a_pool_size_opens_fewer_connections_than_a_default_PostgreSQL_allows()
    {
        var settings = Settings("Host=db;Database=orchestrator;Username=orchestrator");

        Assert.Equal(PostgreSqlDatabase.DefaultMaxPoolSize, settings.MaxPoolSize);
        Assert.True(settings.MaxPoolSize < 97, "a default PostgreSQL takes 100 connections, three of them kept for superusers");
        Assert.Equal(3, settings.Timeout);
    }

    [Theory]
    [InlineData("Maximum Pool Size=120")]
    [InlineData("MaxPoolSize=120")]
    [InlineData("maximum pool size=120")]
    public void A_pool_size_the_connection_string_gives_is_kept(string poolSize)
    {
        Assert.Equal(120, Settings($"Host=db;Database=orchestrator;{poolSize};Timeout=15").MaxPoolSize);
        Assert.Equal(15, Settings($"Host=db;Database=orchestrator;{poolSize};Timeout=15").Timeout);
    }

    [Fact]
    public void A_connection_string_without_automatic_preparation_prepares_the_statements_it_repeats()
    {
        var settings = Settings("Host=db;Database=orchestrator;Username=orchestrator");

        Assert.Equal(PostgreSqlDatabase.DefaultMaxAutoPrepare, settings.MaxAutoPrepare);
        Assert.Equal(PostgreSqlDatabase.DefaultAutoPrepareMinUsages, settings.AutoPrepareMinUsages);
    }

    [Theory]
    [InlineData("Max Auto Prepare=0", 0, 5)]
    [InlineData("Max Auto Prepare=20;Auto Prepare Min Usages=7", 20, 7)]
    public void Automatic_preparation_the_connection_string_sets_is_kept_even_when_off(string given, int maxAutoPrepare, int minUsages)
    {
        var settings = Settings($"Host=db;Database=orchestrator;{given}");

        Assert.Equal(maxAutoPrepare, settings.MaxAutoPrepare);
        Assert.Equal(minUsages, settings.AutoPrepareMinUsages);
    }

    [Theory]
    [InlineData("Host=db;Database=orchestrator", true)]
    [InlineData("Host=db;Database=orchestrator;No Reset On Close=false", false)]
    [InlineData("Host=db;Database=orchestrator;NoResetOnClose=false", false)]
    public void A_connection_goes_back_to_the_pool_without_a_reset_unless_the_connection_string_asks_for_one(string connectionString, bool noReset)
    {
        Assert.Equal(noReset, Settings(connectionString).NoResetOnClose);
    }

    [SkippableFact]
    public async Task On_a_real_server_a_statement_sent_twice_on_a_connection_is_prepared_there()
    {
        await using var database = await Infrastructure.PostgreSqlDatabase.CreateAsync();
        Skip.If(database is null, Infrastructure.PostgreSqlDatabase.SkipReason);
        var builder = new DbContextOptionsBuilder<OrchestratorDbContext>();
        builder.UseOrchestratorPostgreSql(database!.ConnectionString);
        await using var db = new OrchestratorDbContext(builder.Options);
        await db.Database.OpenConnectionAsync();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, await db.Database.SqlQueryRaw<int>("SELECT 0 AS \"Value\"").SingleAsync());
        }

        Assert.True(await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM pg_prepared_statements").SingleAsync() > 0);
    }

    /// <summary>The settings the context's connection is made with, as the server wires it.</summary>
    private static NpgsqlConnectionStringBuilder Settings(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<OrchestratorDbContext>();
        builder.UseOrchestratorPostgreSql(connectionString);
        using var db = new OrchestratorDbContext(builder.Options);
        return new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
    }
}
