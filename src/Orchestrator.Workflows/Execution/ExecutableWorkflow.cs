using Orchestrator.Workflows.Definitions;

namespace Orchestrator.Workflows.Execution;

/// <summary>A definition indexed for running: activities by id, connections by source port, inbound sources per activity.</summary>
public sealed class ExecutableWorkflow
{
    private readonly Dictionary<string, ActivityNode> _nodes;
    private readonly Dictionary<(string Activity, string Port), List<string>> _targets = [];
    private readonly Dictionary<string, List<string>> _sources = new(StringComparer.Ordinal);

    public ExecutableWorkflow(WorkflowDefinition definition, ActivityRegistry registry)
    {
        Definition = definition;
        _nodes = definition.Root.Activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var connection in definition.Root.Connections)
        {
            var key = (connection.Source.Activity, connection.Source.Port ?? "Done");
            if (!_targets.TryGetValue(key, out var list))
            {
                _targets[key] = list = [];
            }

            list.Add(connection.Target.Activity);
            if (!_sources.TryGetValue(connection.Target.Activity, out var sources))
            {
                _sources[connection.Target.Activity] = sources = [];
            }

            if (!sources.Contains(connection.Source.Activity))
            {
                sources.Add(connection.Source.Activity);
            }
        }

        StartActivityId = definition.Root.Activities.FirstOrDefault(a => registry.Find(a.Type)?.Descriptor.IsStart == true)?.Id
            ?? throw new InvalidOperationException($"Workflow '{definition.DefinitionId}' has no Start activity.");
    }

    public WorkflowDefinition Definition { get; }

    public string StartActivityId { get; }

    public ActivityNode Node(string activityId) =>
        _nodes.TryGetValue(activityId, out var node)
            ? node
            : throw new InvalidOperationException($"Workflow '{Definition.DefinitionId}' v{Definition.Version} has no activity '{activityId}'.");

    public IReadOnlyList<string> Targets(string activityId, string port) =>
        _targets.TryGetValue((activityId, port), out var list) ? list : [];

    public IReadOnlyList<string> Sources(string activityId) =>
        _sources.TryGetValue(activityId, out var list) ? list : [];
}
