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

    /// <summary>The settings the context's connection is made with, as the server wires it.</summary>
    private static NpgsqlConnectionStringBuilder Settings(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<OrchestratorDbContext>();
        builder.UseOrchestratorPostgreSql(connectionString);
        using var db = new OrchestratorDbContext(builder.Options);
        return new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
    }
}
