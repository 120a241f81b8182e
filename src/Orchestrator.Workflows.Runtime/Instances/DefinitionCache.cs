using System.Collections.Concurrent;
using System.Text.Json;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Execution;

namespace Orchestrator.Workflows.Runtime.Instances;

/// <summary>Published versions never change, so each is parsed and indexed once per process, by its row id.</summary>
public sealed class DefinitionCache(ActivityRegistry registry)
{
    private readonly ConcurrentDictionary<long, ExecutableWorkflow> _byRecordId = new();

    /// <summary>The definition version when it was parsed already, without a database at hand.</summary>
    public bool TryGet(long definitionRecordId, out ExecutableWorkflow workflow) => _byRecordId.TryGetValue(definitionRecordId, out workflow!);

    /// <summary>The definition version with row id <paramref name="definitionRecordId"/>, parsed once; read with <paramref name="store"/>'s <see cref="IWorkflowInstanceStore.FindDefinitionJsonAsync"/>.</summary>
    public Task<ExecutableWorkflow> GetAsync(IWorkflowInstanceStore store, long definitionRecordId, CancellationToken cancellationToken) =>
        GetAsync(definitionRecordId, store.FindDefinitionJsonAsync, cancellationToken);

    /// <summary>The definition version with row id <paramref name="definitionRecordId"/>, parsed once; its JSON read by <paramref name="findJson"/> the first time.</summary>
    public async Task<ExecutableWorkflow> GetAsync(long definitionRecordId, Func<long, CancellationToken, Task<string?>> findJson, CancellationToken cancellationToken)
    {
        if (_byRecordId.TryGetValue(definitionRecordId, out var cached))
        {
            return cached;
        }

        var json = await findJson(definitionRecordId, cancellationToken)
            ?? throw new InvalidOperationException($"Workflow definition version {definitionRecordId} is not in the database.");
        var definition = JsonSerializer.Deserialize<WorkflowDefinition>(json, WorkflowJson.Options)!;
        return _byRecordId.GetOrAdd(definitionRecordId, new ExecutableWorkflow(definition, registry));
    }
}
