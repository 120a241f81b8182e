using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Orchestrator.Workflows.Runtime.Clustering;

/// <summary>
/// Runs <see cref="OrleansSchema"/> at the silo's very first lifecycle stage, where the ADO.NET clustering table
/// and reminder table read OrleansQuery only later (RuntimeGrainServices); a failure stops the silo from starting.
/// </summary>
internal sealed partial class OrleansSchemaInstaller(IOptions<AdoNetClusteringSiloOptions> clustering, ILogger<OrleansSchemaInstaller> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(OrleansSchemaInstaller), ServiceLifecycleStage.First, InstallAsync);

    private async Task InstallAsync(CancellationToken cancellationToken)
    {
        var invariant = clustering.Value.Invariant;
        var connectionString = clustering.Value.ConnectionString
            ?? throw new InvalidOperationException("ADO.NET clustering has no connection string to install the Orleans schema with.");
        var started = Stopwatch.GetTimestamp();
        OrleansSchemaResult result;
        try
        {
            result = await OrleansSchema.EnsureAsync(invariant, connectionString, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex, invariant);
            throw;
        }

        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (result.CreatedTables.Count == 0)
        {
            LogPresent(logger, invariant, result.Database, result.Queries, elapsed);
        }
        else
        {
            var created = string.Join(", ", result.CreatedTables);
            LogCreated(logger, invariant, result.Database, created, result.Queries, elapsed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Orleans ADO.NET schema ({Invariant}, {Database}): created {Tables}; {Queries} queries in OrleansQuery ({ElapsedMs} ms)")]
    private static partial void LogCreated(ILogger logger, string invariant, string database, string tables, int queries, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Orleans ADO.NET schema ({Invariant}, {Database}): tables already there; {Queries} queries in OrleansQuery ({ElapsedMs} ms)")]
    private static partial void LogPresent(ILogger logger, string invariant, string database, int queries, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Orleans ADO.NET schema ({Invariant}) could not be installed; the silo will not start")]
    private static partial void LogFailed(ILogger logger, Exception exception, string invariant);
}
