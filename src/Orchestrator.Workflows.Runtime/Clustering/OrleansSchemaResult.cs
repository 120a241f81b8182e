namespace Orchestrator.Workflows.Runtime.Clustering;

/// <summary>What one run of the Orleans schema script found and did.</summary>
/// <param name="Database">Database and server, for the log; never the connection string, which may hold a password.</param>
/// <param name="CreatedTables">The Orleans tables that did not exist before this run.</param>
/// <param name="Queries">Rows in OrleansQuery after the run.</param>
internal sealed record OrleansSchemaResult(string Database, IReadOnlyList<string> CreatedTables, int Queries);
