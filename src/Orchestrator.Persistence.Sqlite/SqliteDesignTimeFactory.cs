using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Orchestrator.Persistence.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the server.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<OrchestratorDbContext>
{
    public OrchestratorDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<OrchestratorDbContext>();
        options.UseOrchestratorSqlite("Data Source=design.db");
        return new OrchestratorDbContext(options.Options);
    }
}
