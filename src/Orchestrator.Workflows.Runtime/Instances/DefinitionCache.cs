using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Execution;

namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>Published versions never change, so each is parsed and indexed once per process, by its row id.</summary>
public sealed class DefinitionCache(ActivityRegistry registry)
{
    private readonly ConcurrentDictionary<long, ExecutableWorkflow> _byRecordId = new();

    /// <summary>The definition version when it was parsed already, without a database at hand.</summary>
    public bool TryGet(long definitionRecordId, out ExecutableWorkflow workflow) => _byRecordId.TryGetValue(definitionRecordId, out workflow!);

    public async Task<ExecutableWorkflow> GetAsync(OrchestratorDbContext db, long definitionRecordId, CancellationToken cancellationToken)
    {
        if (_byRecordId.TryGetValue(definitionRecordId, out var cached))
        {
            return cached;
        }

        var json = await db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.Id == definitionRecordId)
            .Select(d => d.Json)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Workflow definition version {definitionRecordId} is not in the database.");
        var definition = JsonSerializer.Deserialize<WorkflowDefinition>(json, WorkflowJson.Options)!;
        return _byRecordId.GetOrAdd(definitionRecordId, new ExecutableWorkflow(definition, registry));
    }
}
