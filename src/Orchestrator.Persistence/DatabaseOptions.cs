namespace Orchestrator.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty on SQLite means a file in the data folder.</summary>
    public string? ConnectionString { get; set; }

    public SqliteOptions Sqlite { get; set; } = new();

    public PostgreSqlOptions PostgreSql { get; set; } = new();
}
