using System.Text.Json;
using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Definitions;
using Orchestrator.Workflows.Execution.ControlFlow;

namespace Orchestrator.Workflows.Validation;

/// <summary>
/// Checks a flowchart before it is saved or published: known activity types, connections between existing
/// activities and ports, each outcome leading to one place (unless it forks) and a wait's outcomes to somewhere, one start,
/// every activity reachable, required inputs present, conditions over known fields, no loop that never waits.
/// </summary>
/// <param name="fields">The fields conditions may name; without it only <c>variables.&lt;name&gt;</c> is known.</param>
public sealed class WorkflowValidator(ActivityCatalog catalog, int maxActivities = 2_000, ConditionFieldCatalog? fields = null)
{
    private readonly ConditionFieldCatalog _fields = fields ?? ConditionFieldCatalog.Empty;

    public IReadOnlyList<DefinitionError> Validate(WorkflowDefinition definition)
    {
        var errors = new List<DefinitionError>();
        var activities = definition.Root.Activities;
        if (string.IsNullOrWhiteSpace(definition.DefinitionId))
        {
            errors.Add(new("MissingDefinitionId", "definitionId", "A workflow needs a definitionId."));
        }

        if (activities.Count > maxActivities)
        {
            errors.Add(new("TooManyActivities", "root.activities", $"A workflow has at most {maxActivities} activities; this one has {activities.Count}."));
            return errors;
        }

        var byId = CheckActivities(activities, errors);
        var edges = CheckConnections(definition.Root.Connections, byId, errors);
        OutcomePortChecks.Check(activities, definition.Root.Connections, byId, errors);
        CheckStart(activities, errors, out var start);
        if (start is not null)
        {
            CheckReachable(activities, start, edges, errors);
        }

        CheckLoopsWait(byId, edges, errors);
        return errors;
    }

    private Dictionary<string, (ActivityNode Node, ActivityDescriptor? Descriptor)> CheckActivities(
        IReadOnlyList<ActivityNode> activities, List<DefinitionError> errors)
    {
        var byId = new Dictionary<string, (ActivityNode, ActivityDescriptor?)>(StringComparer.Ordinal);
        for (var i = 0; i < activities.Count; i++)
        {
            var node = activities[i];
            var path = $"root.activities[{i}]";
            if (string.IsNullOrWhiteSpace(node.Id))
            {
                errors.Add(new("MissingActivityId", $"{path}.id", "Every activity needs an id."));
                continue;
            }

            var descriptor = catalog.Find(node.Type);
            if (descriptor is null)
            {
                errors.Add(new("UnknownActivityType", $"{path}.type", $"Activity '{node.Id}' has unknown type '{node.Type}'.", node.Id));
            }

            if (!byId.TryAdd(node.Id, (node, descriptor)))
            {
                errors.Add(new("DuplicateActivityId", $"{path}.id", $"Activity id '{node.Id}' is used more than once.", node.Id));
                continue;
            }

            foreach (var input in descriptor?.Inputs.Where(x => x.IsRequired && !HasValue(node, x.Name)) ?? [])
            {
                errors.Add(new("MissingInput", $"{path}.{input.Name}", $"Activity '{node.Id}' ({descriptor!.DisplayName}) needs '{input.DisplayName}'.", node.Id));
            }

            foreach (var input in descriptor?.Inputs.Where(x => HasValue(node, x.Name)) ?? [])
            {
                if (input.Type == InputType.Condition)
                {
                    var label = $"Activity '{node.Id}': '{input.DisplayName}'";
                    if (ConditionChecks.Check(_fields, node.Inputs[input.Name], $"{path}.{input.Name}", label, node.Id) is { } conditionError)
                    {
                        errors.Add(conditionError);
                    }
                }
                else if (InputProblem(input.Type, node.Inputs[input.Name]) is { } problem)
                {
                    errors.Add(new("InvalidInput", $"{path}.{input.Name}", $"Activity '{node.Id}': '{input.DisplayName}' {problem}", node.Id));
                }
            }
        }

        return byId;
    }

    private static Dictionary<string, List<string>> CheckConnections(
        IReadOnlyList<Connection> connections, Dictionary<string, (ActivityNode Node, ActivityDescriptor? Descriptor)> byId, List<DefinitionError> errors)
    {
        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < connections.Count; i++)
        {
            var (source, target) = (connections[i].Source, connections[i].Target);
            var path = $"root.connections[{i}]";
            var sourceKnown = byId.TryGetValue(source.Activity ?? "", out var from);
            if (!sourceKnown)
            {
                errors.Add(new("DanglingConnection", $"{path}.source.activity", $"Connection {i} starts at activity '{source.Activity}', which does not exist."));
            }

            var targetKnown = byId.ContainsKey(target.Activity ?? "");
            if (!targetKnown)
            {
                errors.Add(new("DanglingConnection", $"{path}.target.activity", $"Connection {i} ends at activity '{target.Activity}', which does not exist.", sourceKnown ? source.Activity : null));
            }

            if (sourceKnown && from.Descriptor is { } descriptor && !descriptor.Outcomes.Contains(source.Port ?? ""))
            {
                errors.Add(new("UnknownPort", $"{path}.source.port",
                    $"Activity '{source.Activity}' ({descriptor.DisplayName}) has no outcome '{source.Port}'. Outcomes: {string.Join(", ", descriptor.Outcomes)}.", source.Activity));
            }

            if (sourceKnown && targetKnown)
            {
                edges.TryAdd(source.Activity!, []);
                edges[source.Activity!].Add(target.Activity!);
            }
        }

        return edges;
    }

    private void CheckStart(IReadOnlyList<ActivityNode> activities, List<DefinitionError> errors, out ActivityNode? start)
    {
        var starts = activities.Select((a, i) => (a, i)).Where(x => catalog.Find(x.a.Type)?.IsStart == true).ToList();
        start = starts.Count > 0 ? starts[0].a : null;
        if (starts.Count == 0)
        {
            errors.Add(new("MissingStart", "root.activities", "A workflow needs one Start activity."));
        }

        foreach (var (extra, index) in starts.Skip(1))
        {
            errors.Add(new("MultipleStarts", $"root.activities[{index}]", $"Activity '{extra.Id}' is a second Start; a workflow has exactly one.", extra.Id));
        }
    }

    private void CheckReachable(IReadOnlyList<ActivityNode> activities, ActivityNode start, Dictionary<string, List<string>> edges, List<DefinitionError> errors)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { start.Id };
        var queue = new Queue<string>([start.Id]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var next in edges.GetValueOrDefault(id) ?? [])
            {
                if (reached.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        for (var i = 0; i < activities.Count; i++)
        {
            var id = activities[i].Id;
            if (string.IsNullOrWhiteSpace(id) || reached.Contains(id))
            {
                continue;
            }

            // An unreachable Finish usually means the connection into it went missing in an edit, so say what it costs.
            errors.Add(catalog.Find(activities[i].Type)?.EndsWorkflow == true
                ? new("UnreachableFinish", $"root.activities[{i}]",
                    $"Finish '{id}' cannot be reached from Start: no chain of connections from Start leads to it, so no instance ever ends there. Connect an outcome to it or remove it.", id)
                : new("Unreachable", $"root.activities[{i}]", $"Activity '{id}' cannot be reached from Start.", id));
        }
    }

    // A loop must pass through an activity that can wait, or an instance would spin forever without yielding.
    private static void CheckLoopsWait(
        Dictionary<string, (ActivityNode Node, ActivityDescriptor? Descriptor)> byId, Dictionary<string, List<string>> edges, List<DefinitionError> errors)
    {
        foreach (var loop in StronglyConnected.Components(byId.Keys, id => edges.GetValueOrDefault(id) ?? []))
        {
            var isLoop = loop.Count > 1 || (edges.GetValueOrDefault(loop[0])?.Contains(loop[0]) ?? false);
            if (isLoop && !loop.Any(id => byId[id].Descriptor?.SuspendsOnBookmark ?? true))
            {
                var members = string.Join(" → ", loop);
                errors.Add(new("CycleWithoutWait", "root.connections", $"The loop {members} never waits (no Delay or other waiting activity); it would run forever.", loop[0]));
            }
        }
    }

    /// <summary>Why a present input cannot be used as its type says, or null when it can.</summary>
    private static string? InputProblem(InputType type, JsonElement value)
    {
        switch (type)
        {
            case InputType.Number when value.ValueKind != JsonValueKind.Number:
                return "must be a number.";
            case InputType.Boolean when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False):
                return "must be true or false.";
            case InputType.Duration:
                try
                {
                    _ = DelayActivity.ParseDuration(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText());
                    return null;
                }
                catch (FormatException ex)
                {
                    return ex.Message;
                }

            default:
                return null;
        }
    }

    private static bool HasValue(ActivityNode node, string input) =>
        node.Inputs.TryGetValue(input, out var value)
        && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
        && !(value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString()));
}
