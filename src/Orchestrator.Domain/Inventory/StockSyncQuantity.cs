namespace Orchestrator.Domain.Inventory;

/// <summary>库存同步: what a platform is told it may sell, from what our warehouses have free (seed 000 §5).</summary>
public static class StockSyncQuantity
{
    /// <summary>
    /// floor(<paramref name="available"/> × <paramref name="ratio"/>), raised to <paramref name="minimum"/> (最低库存) while
    /// anything is available; nothing available is 0 whatever the minimum, so the platform never sells what no warehouse has.
    /// </summary>
    public static int ForPlatform(int available, decimal ratio, int minimum)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ratio);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ratio, 1m);
        if (available <= 0)
        {
            return 0;
        }

        var share = (int)decimal.Floor(available * ratio);
        return Math.Min(available, Math.Max(minimum, share));
    }

    /// <summary>A combo is available as often as its scarcest component fits: min over components of floor(available / quantity per combo).</summary>
    public static int ComboAvailable(IEnumerable<(int Available, int QuantityPerCombo)> components)
    {
        var sets = components.Select(c => c.QuantityPerCombo <= 0 ? int.MaxValue : Math.Max(0, c.Available) / c.QuantityPerCombo).ToList();
        return sets.Count == 0 ? 0 : sets.Min();
    }
}
