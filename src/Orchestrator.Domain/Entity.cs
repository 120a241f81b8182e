namespace Orchestrator.Domain;

/// <summary>A stored thing with an identity and an optimistic-concurrency version that two people may edit at once.</summary>
public abstract class Entity
{
    public long Id { get; set; }

    /// <summary>Incremented on every save; an update carrying an older version is a conflict.</summary>
    public int Version { get; set; }
}
