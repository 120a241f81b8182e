using Orchestrator.Workflows.Activities;

namespace Orchestrator.Workflows.Execution;

/// <summary>The activities a server can run, by type name; its catalog feeds validation and the designer's palette.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, IActivity> _byType;

    public ActivityRegistry(IEnumerable<IActivity> activities)
    {
        _byType = new Dictionary<string, IActivity>(StringComparer.Ordinal);
        foreach (var activity in activities)
        {
            if (!_byType.TryAdd(activity.Descriptor.TypeName, activity))
            {
                throw new InvalidOperationException($"Two activities are registered with type name '{activity.Descriptor.TypeName}'.");
            }
        }

        Catalog = new ActivityCatalog(_byType.Values.Select(a => a.Descriptor));
    }

    public ActivityCatalog Catalog { get; }

    public IActivity? Find(string type) => _byType.GetValueOrDefault(type);

    public IActivity Get(string type) =>
        Find(type) ?? throw new InvalidOperationException($"No activity of type '{type}' is registered on this server.");
}
