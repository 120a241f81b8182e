namespace Orchestrator.Persistence.Integrations;

/// <summary>
/// Outbox row: a goods' counters changed. Written in the same transaction as the change, so no change is lost to a
/// crash; the stock sync worker turns it into pending sync items and deletes it.
/// </summary>
public sealed class StockChange
{
    public long Id { get; set; }

    public long GoodsId { get; set; }

    public DateTime At { get; set; }
}
