namespace Orchestrator.Domain.Catalog;

/// <summary>What one merchant code means in our catalog: a goods, a combo of goods, or nothing; <paramref name="MatchedCode"/> is the catalog's spelling.</summary>
public sealed record LineMapping(LineMappingKind Kind, long? GoodsId, long? ComboId, IReadOnlyList<MappedComponent> Components, string? MatchedCode = null)
{
    public static readonly LineMapping Unmapped = new(LineMappingKind.Unmapped, null, null, []);

    public bool IsMapped => Kind != LineMappingKind.Unmapped;
}
