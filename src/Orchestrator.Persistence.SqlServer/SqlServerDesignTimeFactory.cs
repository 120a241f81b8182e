using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Orchestrator.Persistence.SqlServer;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without a running SQL Server.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<OrchestratorDbContext>
{
    public OrchestratorDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<OrchestratorDbContext>();
        options.UseOrchestratorSqlServer("Server=localhost;Database=Orchestrator;Trusted_Connection=True;TrustServerCertificate=True");
        return new OrchestratorDbContext(options.Options);
    }
}
