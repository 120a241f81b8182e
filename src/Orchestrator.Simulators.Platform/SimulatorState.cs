using System.Globalization;

namespace Orchestrator.Simulators.Platform;

/// <summary>Everything the simulated platform knows, in memory; one lock, since tests hammer it from many threads.</summary>
public sealed class SimulatorState(TimeProvider clock)
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    private readonly Lock _gate = new();
    private readonly Dictionary<long, SimTrade> _trades = [];
    private readonly List<SimShipment> _shipments = [];
    private readonly List<SimStockUpdate> _stockUpdates = [];
    private readonly Dictionary<(string Api, string Seller, string Code), int> _stock = [];
    private readonly List<SimPullCall> _pulls = [];
    private readonly Dictionary<long, int> _sends = [];
    private readonly Dictionary<string, (int Remaining, FaultKind Kind)> _faults = new(StringComparer.Ordinal);
    private long _nextTid = 4_000_000_000_000_000;
    private long _nextOid = 5_000_000_000_000_000;

    /// <summary>Where new trades are pushed (intake's <c>orders:batch</c> of one shop); null pushes nothing.</summary>
    public string? PushUrl { get; set; }

    /// <summary>The shop's integration key sent as <c>X-Api-Key</c> with every push.</summary>
    public string? PushApiKey { get; set; }

    /// <summary>How long a ship confirmation takes to answer after the platform has recorded it (a slow platform).</summary>
    public TimeSpan ShipDelay { get; set; }

    public string Now() => Format(clock.GetUtcNow());

    public static string Format(DateTimeOffset value) => value.ToOffset(ChinaOffset).ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string value) =>
        new(DateTime.ParseExact(value, TimeFormat, CultureInfo.InvariantCulture), ChinaOffset);

    /// <summary>Stores trades (given tids kept, missing ones assigned), stamped modified now unless they say otherwise.</summary>
    public IReadOnlyList<SimTrade> AddTrades(CreateTradesRequest request)
    {
        var now = Now();
        lock (_gate)
        {
            var added = new List<SimTrade>();
            foreach (var trade in request.Trades ?? [])
            {
                added.Add(Store(trade with
                {
                    Tid = trade.Tid == 0 ? ++_nextTid : trade.Tid,
                    Created = trade.Created ?? now,
                    PayTime = trade.PayTime ?? now,
                    Modified = trade.Modified ?? now,
                    Orders = new(trade.Orders.Order.Select(o => o.Oid == 0 ? o with { Oid = ++_nextOid } : o).ToList()),
                }));
            }

            var codes = request.OuterSkuIds is { Count: > 0 } given ? given : ["SIM-SKU-1"];
            for (var i = 0; i < request.Generate; i++)
            {
                var code = codes[i % codes.Count];
                var tid = ++_nextTid;
                added.Add(Store(new SimTrade
                {
                    Tid = tid,

                    // Buyers as on a sale day: mostly different people, some back for a second order.
                    BuyerNick = $"茶友{tid % 20_000:D5}",
                    Created = now,
                    PayTime = now,
                    Modified = now,
                    TotalFee = 100m,
                    Payment = 100m,
                    Orders = new([new SimOrder { Oid = ++_nextOid, NumIid = 600_000 + i, OuterSkuId = code, Num = 1, Price = 100m }]),
                }));
            }

            return added;
        }
    }

    public IReadOnlyList<SimTrade> Trades()
    {
        lock (_gate)
        {
            return _trades.Values.OrderBy(t => t.Tid).ToList();
        }
    }

    /// <summary>The seller's trades (all, without one) modified in [start, end] (TOP counts both ends, to the second), oldest first, then by tid, one page of them.</summary>
    public (IReadOnlyList<SimTrade> Page, int Total, bool HasNext) TradesModified(
        string? seller, DateTimeOffset start, DateTimeOffset end, string? status, int pageNo, int pageSize)
    {
        lock (_gate)
        {
            var matching = _trades.Values
                .Select(t => (Trade: t, Modified: Parse(t.Modified!)))
                .Where(t => t.Modified >= start && t.Modified <= end && (status is null || t.Trade.Status == status))
                .Where(t => string.IsNullOrEmpty(seller) || t.Trade.SellerNick == seller)
                .OrderBy(t => t.Modified).ThenBy(t => t.Trade.Tid)
                .Select(t => t.Trade)
                .ToList();
            var page = matching.Skip((pageNo - 1) * pageSize).Take(pageSize).ToList();
            return (page, matching.Count, pageNo * pageSize < matching.Count);
        }
    }

    /// <summary>
    /// An offline send, as TOP takes it: every call counts (see <see cref="Sends"/>); a trade (or a named line) consigned
    /// already is refused whatever the tracking number, as the real platform refuses a second send; otherwise the lines
    /// (all still open, or the <paramref name="subTid"/> ones of a split parcel) are consigned with <paramref name="outSid"/>.
    /// </summary>
    public ShipOutcome Ship(long tid, string outSid, string companyCode, string? subTid = null)
    {
        lock (_gate)
        {
            _sends[tid] = _sends.GetValueOrDefault(tid) + 1;
            if (!_trades.TryGetValue(tid, out var trade))
            {
                return ShipOutcome.UnknownTrade;
            }

            var named = subTid?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(id => long.TryParse(id, CultureInfo.InvariantCulture, out var oid) ? oid : -1).ToHashSet();
            if (named is not null && named.Any(oid => trade.Orders.Order.All(o => o.Oid != oid)))
            {
                return ShipOutcome.UnknownLine;
            }

            var lines = trade.Orders.Order.Where(o => named is null || named.Contains(o.Oid)).ToList();
            if (trade.Status is not ("WAIT_SELLER_SEND_GOODS" or "SELLER_CONSIGNED_PART") || lines.Any(o => o.IsConsigned) || lines.Count == 0)
            {
                return ShipOutcome.AlreadyShipped;
            }

            var now = clock.GetUtcNow();
            var shipped = trade.Orders.Order
                .Select(o => lines.Contains(o) ? o with { Status = "WAIT_BUYER_CONFIRM_GOODS", InvoiceNo = outSid, LogisticsCompany = companyCode, ConsignTime = Format(now) } : o)
                .ToList();
            _shipments.Add(new SimShipment(tid, outSid, companyCode, now, subTid));
            _trades[tid] = trade with
            {
                Status = shipped.All(o => o.IsConsigned) ? "WAIT_BUYER_CONFIRM_GOODS" : "SELLER_CONSIGNED_PART",
                ConsignTime = Format(now),
                Modified = Format(now),
                Orders = new(shipped),
            };
            return ShipOutcome.Shipped;
        }
    }

    /// <summary>How many offline sends reached the platform for <paramref name="tid"/>, accepted or refused.</summary>
    public int Sends(long tid)
    {
        lock (_gate)
        {
            return _sends.GetValueOrDefault(tid);
        }
    }

    /// <summary>The trade as it stands now, or null when there is none.</summary>
    public SimTrade? Trade(long tid)
    {
        lock (_gate)
        {
            return _trades.GetValueOrDefault(tid);
        }
    }

    public IReadOnlyList<SimShipment> Shipments()
    {
        lock (_gate)
        {
            return _shipments.ToList();
        }
    }

    /// <summary>How many shipments the platform has recorded, without copying them (a bench polls this while thousands ship).</summary>
    public int ShipmentCount()
    {
        lock (_gate)
        {
            return _shipments.Count;
        }
    }

    public void UpdateStock(SimStockUpdate update)
    {
        lock (_gate)
        {
            _stockUpdates.Add(update);
            var key = (update.Api, update.Seller ?? "", update.OuterId ?? update.SkuId ?? update.NumIid?.ToString(CultureInfo.InvariantCulture) ?? "");
            _stock[key] = update.Type == 2 ? _stock.GetValueOrDefault(key) + update.Quantity : update.Quantity;
        }
    }

    /// <summary>What each listing now shows as sellable, per API, seller and merchant code, after every update so far.</summary>
    public IReadOnlyList<SimStockLevel> Stock(string? api, string? seller)
    {
        lock (_gate)
        {
            return _stock.Where(s => (api is null || s.Key.Api == api) && (seller is null || s.Key.Seller == seller))
                .OrderBy(s => s.Key.Api, StringComparer.Ordinal).ThenBy(s => s.Key.Seller, StringComparer.Ordinal).ThenBy(s => s.Key.Code, StringComparer.Ordinal)
                .Select(s => new SimStockLevel(s.Key.Api, s.Key.Seller, s.Key.Code, s.Value))
                .ToList();
        }
    }

    public void RecordPull(SimPullCall call)
    {
        lock (_gate)
        {
            _pulls.Add(call);
        }
    }

    /// <summary>Every order search received, in order: what window each caller asked for.</summary>
    public IReadOnlyList<SimPullCall> Pulls()
    {
        lock (_gate)
        {
            return _pulls.ToList();
        }
    }

    public IReadOnlyList<SimStockUpdate> StockUpdates()
    {
        lock (_gate)
        {
            return _stockUpdates.ToList();
        }
    }

    public void InjectFault(FaultRequest fault)
    {
        lock (_gate)
        {
            _faults[fault.Method] = (fault.Count, fault.Kind);
        }
    }

    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    /// <summary>Consumes one injected failure of <paramref name="method"/>, if any is left.</summary>
    public FaultKind? TakeFault(string method)
    {
        lock (_gate)
        {
            if (!_faults.TryGetValue(method, out var fault) || fault.Remaining <= 0)
            {
                return null;
            }

            _faults[method] = (fault.Remaining - 1, fault.Kind);
            return fault.Kind;
        }
    }

    private SimTrade Store(SimTrade trade)
    {
        _trades[trade.Tid] = trade;
        return trade;
    }
}
