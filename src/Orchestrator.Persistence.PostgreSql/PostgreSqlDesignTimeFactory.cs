using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Orchestrator.Persistence.PostgreSql;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without a running PostgreSQL.</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<OrchestratorDbContext>
{
    public OrchestratorDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<OrchestratorDbContext>();
        options.UseOrchestratorPostgreSql("Host=localhost;Database=orchestrator;Username=orchestrator");
        return new OrchestratorDbContext(options.Options);
    }
}
