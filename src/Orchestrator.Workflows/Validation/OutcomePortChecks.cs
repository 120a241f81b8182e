using Orchestrator.Workflows.Activities;
using Orchestrator.Workflows.Definitions;

namespace Orchestrator.Workflows.Validation;

/// <summary>Where each outcome port leads: to one place (unless the activity fans out), and somewhere at all when it leaves a wait.</summary>
internal static class OutcomePortChecks
{
    public static void Check(
        IReadOnlyList<ActivityNode> activities, IReadOnlyList<Connection> connections,
        Dictionary<string, (ActivityNode Node, ActivityDescriptor? Descriptor)> byId, List<DefinitionError> errors)
    {
        var firstFrom = CheckConnectedOnce(connections, byId, errors);
        CheckWaitsLeadSomewhere(activities, byId, firstFrom, errors);
    }

    // The runtime follows every connection leaving a port, so a second one silently starts a parallel branch: only a Fork means that.
    private static Dictionary<(string Activity, string Port), int> CheckConnectedOnce(
        IReadOnlyList<Connection> connections, Dictionary<string, (ActivityNode Node, ActivityDescriptor? Descriptor)> byId, List<DefinitionError> errors)
    {
        var firstFrom = new Dictionary<(string Activity, string Port), int>();
        for (var i = 0; i < connections.Count; i++)
        {
            var source = connections[i].Source;
            if (source.Activity is not { } activity || source.Port is not { } port
                || !byId.TryGetValue(activity, out var from) || from.Descriptor is not { } descriptor || !descriptor.Outcomes.Contains(port))
            {
                continue;
            }

            if (firstFrom.TryAdd((activity, port), i) || descriptor.FansOut)
            {
                continue;
            }

            var first = firstFrom[(activity, port)];
            errors.Add(new("OutcomeConnectedTwice", $"root.connections[{i}].source.port",
                $"Outcome '{port}' of activity '{activity}' ({descriptor.DisplayName}) is connected twice: to '{connections[first].Target.Activity}' "
                + $"(connection {first}) and to '{connections[i].Target.Activity}' (connection {i}). Only a Fork starts several branches; remove one connection.",
                activity, port));
        }

        return firstFrom;
    }

    // A wait left through an unconnected outcome ends its branch with no next step, which is never what the person who drew it meant.
    private static void CheckWaitsLeadSomewhere(
        IReadOnlyList<ActivityNode> activities, Dictionary<string, (ActivityNode Node, ActivityDescriptor? Descriptor)> byId,
        Dictionary<(string Activity, string Port), int> connected, List<DefinitionError> errors)
    {
        for (var i = 0; i < activities.Count; i++)
        {
            var id = activities[i].Id;
            if (string.IsNullOrWhiteSpace(id) || !byId.TryGetValue(id, out var entry) || !ReferenceEquals(entry.Node, activities[i])
                || entry.Descriptor is not { SuspendsOnBookmark: true } descriptor)
            {
                continue;
            }

            foreach (var port in descriptor.Outcomes.Where(p => !connected.ContainsKey((id, p))))
            {
                errors.Add(new("UnconnectedOutcome", $"root.activities[{i}]",
                    $"Outcome '{port}' of activity '{id}' ({descriptor.DisplayName}) is not connected: an instance that leaves the wait through it would have no next step. Connect it to an activity.",
                    id, port));
            }
        }
    }
}
