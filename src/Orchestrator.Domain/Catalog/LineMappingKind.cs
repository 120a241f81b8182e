namespace Orchestrator.Domain.Catalog;

/// <summary>How a platform line's merchant code resolved to our goods.</summary>
public enum LineMappingKind
{
    Unmapped,
    Goods,
    Combo,
}
