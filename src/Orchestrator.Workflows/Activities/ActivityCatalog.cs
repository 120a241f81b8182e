namespace Orchestrator.Workflows.Activities;

/// <summary>The activity types a server knows, by type name.</summary>
public sealed class ActivityCatalog
{
    private readonly Dictionary<string, ActivityDescriptor> _byType;

    public ActivityCatalog(IEnumerable<ActivityDescriptor> descriptors) =>
        _byType = descriptors.ToDictionary(d => d.TypeName, StringComparer.Ordinal);

    public IEnumerable<ActivityDescriptor> All => _byType.Values;

    public ActivityDescriptor? Find(string type) => _byType.GetValueOrDefault(type);
}
