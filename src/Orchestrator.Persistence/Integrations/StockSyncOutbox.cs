namespace Orchestrator.Persistence.Integrations;

/// <summary>Every place that changes stock counters calls this before its commit, so the change and its sync mark commit together.</summary>
public static class StockSyncOutbox
{
    public static void Add(OrchestratorDbContext db, IEnumerable<long> goodsIds, DateTime now)
    {
        foreach (var goodsId in goodsIds.Distinct())
        {
            db.StockChanges.Add(new StockChange { GoodsId = goodsId, At = now });
        }
    }
}
