using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Orchestrator.Domain.Catalog;
using Orchestrator.Domain.MasterData;

namespace Orchestrator.Domain.Orders;

/// <summary>One platform order (销售单) as we fulfil it.</summary>
public sealed class SalesOrder : Entity
{
    // Kept readable for the person who resolves the change: Chinese addresses stay as text, not \uXXXX.
    private static readonly JsonSerializerOptions PendingChangeJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public long ShopId { get; set; }

    public required string PlatformOrderId { get; set; }

    public required string PlatformStatus { get; set; }

    public OrderStatus Status { get; set; }

    public OrderExceptionKind ExceptionKind { get; set; }

    public string? ExceptionDetail { get; set; }

    public string? BuyerNick { get; set; }

    public string ReceiverName { get; set; } = "";

    public string ReceiverMobile { get; set; } = "";

    public string ReceiverProvince { get; set; } = "";

    public string ReceiverCity { get; set; } = "";

    public string? ReceiverDistrict { get; set; }

    public string ReceiverAddress { get; set; } = "";

    public string? ReceiverZip { get; set; }

    public string? BuyerMessage { get; set; }

    public string? SellerMemo { get; set; }

    public DateTime? PlatformCreatedAt { get; set; }

    public DateTime? PayTime { get; set; }

    public DateTime? PlatformModifiedAt { get; set; }

    public decimal TotalFee { get; set; }

    public decimal PostFee { get; set; }

    public decimal DiscountFee { get; set; }

    public decimal Payment { get; set; }

    public bool IsCod { get; set; }

    public long? WarehouseId { get; set; }

    public long? LogisticsCompanyId { get; set; }

    public string? AccountingPartner { get; set; }

    public string? Employee { get; set; }

    public bool HasUnmappedSku { get; set; }

    /// <summary>The receiver changed on a push after the order was paid (DOMAIN.md: an address change must reach review).</summary>
    public bool AddressChangedAfterPayment { get; set; }

    /// <summary>Why review stopped the order (满足条件阻止), one reason per line; null when not blocked.</summary>
    public string? BlockReason { get; set; }

    public string? TrackingNumber { get; set; }

    /// <summary>Weight recorded at weigh-ship (称重), in kilograms.</summary>
    public decimal? WeightKg { get; set; }

    public DateTime? ShippedAt { get; set; }

    /// <summary>What the goods should weigh (goods weights × quantities), to compare with the scale.</summary>
    public decimal? ExpectedWeightKg { get; set; }

    /// <summary>Freight from the carrier's template for the weighed package (运费).</summary>
    public decimal? FreightFee { get; set; }

    /// <summary>The scale and the expected weight differ by more than the tolerance: worth a look before it leaves.</summary>
    public bool IsWeightOutOfTolerance { get; set; }

    /// <summary>Hash of the last applied platform push.</summary>
    public string Fingerprint { get; set; } = "";

    /// <summary>A platform change that arrived after review, kept as JSON for a person to act on.</summary>
    public string? PendingPlatformChange { get; set; }

    public DateTime? PendingPlatformChangeAt { get; set; }

    public DateTime ReceivedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<SalesOrderLine> Lines { get; set; } = [];

    /// <summary>Review has passed: from here on platform changes are flagged, never applied silently.</summary>
    public bool IsPastReview => Status is OrderStatus.Allocated or OrderStatus.Picking or OrderStatus.Verified
        or OrderStatus.Shipped or OrderStatus.Cancelled;

    public static SalesOrder Create(Shop shop, PlatformOrder incoming, MerchantCodeCatalog catalog, DateTime now)
    {
        var order = new SalesOrder
        {
            ShopId = shop.Id,
            PlatformOrderId = incoming.PlatformOrderId,
            PlatformStatus = incoming.Status,
            WarehouseId = shop.DefaultWarehouseId,
            LogisticsCompanyId = shop.DefaultLogisticsCompanyId,
            AccountingPartner = shop.AccountingPartner,
            Employee = shop.DefaultEmployee,
            ReceivedAt = now,
        };
        order.Apply(incoming, incoming.Fingerprint(), catalog, now, isUpdate: false);
        return order;
    }

    /// <summary>Takes a repeated push of this order: applies it before review, flags it after, ignores repeats and stale copies.</summary>
    public IntakeOutcome Receive(PlatformOrder incoming, MerchantCodeCatalog catalog, DateTime now)
    {
        if (incoming.ModifiedAt is { } modified && PlatformModifiedAt is { } stored && modified < stored)
        {
            return IntakeOutcome.Stale;
        }

        var fingerprint = incoming.Fingerprint();
        if (fingerprint == Fingerprint)
        {
            return IntakeOutcome.Unchanged;
        }

        if (IsPastReview)
        {
            PendingPlatformChange = JsonSerializer.Serialize(incoming, PendingChangeJson);
            PendingPlatformChangeAt = now;
            UpdatedAt = now;
            FlaggedChange = DescribeFlaggedChange(incoming);
            return IntakeOutcome.FlaggedAfterReview;
        }

        Apply(incoming, fingerprint, catalog, now, isUpdate: true);
        return IntakeOutcome.Updated;
    }

    private void Apply(PlatformOrder incoming, string fingerprint, MerchantCodeCatalog catalog, DateTime now, bool isUpdate)
    {
        if (isUpdate && PayTime is not null && ReceiverDiffers(incoming))
        {
            AddressChangedAfterPayment = true;
        }

        PlatformStatus = incoming.Status;
        BuyerNick = incoming.BuyerNick;
        ReceiverName = incoming.ReceiverName;
        ReceiverMobile = incoming.ReceiverMobile;
        ReceiverProvince = incoming.ReceiverProvince;
        ReceiverCity = incoming.ReceiverCity;
        ReceiverDistrict = incoming.ReceiverDistrict;
        ReceiverAddress = incoming.ReceiverAddress;
        ReceiverZip = incoming.ReceiverZip;
        BuyerMessage = incoming.BuyerMessage;
        SellerMemo = incoming.SellerMemo;
        PlatformCreatedAt = incoming.CreatedAt;
        PayTime = incoming.PayTime;
        PlatformModifiedAt = incoming.ModifiedAt;
        TotalFee = incoming.TotalFee;
        PostFee = incoming.PostFee;
        DiscountFee = incoming.DiscountFee;
        Payment = incoming.Payment;
        IsCod = incoming.IsCod;
        Fingerprint = fingerprint;
        UpdatedAt = now;

        Lines.Clear();
        var lineNo = 0;
        foreach (var line in incoming.Lines)
        {
            Lines.Add(MapLine(line, ++lineNo, catalog));
        }

        HasUnmappedSku = Lines.Any(l => l.Mapping == LineMappingKind.Unmapped);
        Status = StatusFor(incoming.Status);
        ExceptionKind = OrderExceptionKind.None;
        ExceptionDetail = null;
        if (HasUnmappedSku && Status is OrderStatus.PendingReview)
        {
            Status = OrderStatus.Exception;
            ExceptionKind = OrderExceptionKind.UnmappedSku;
            ExceptionDetail = UnmappedDetail();
        }
    }

    /// <summary>
    /// Maps the lines that matched no goods or combo again, against <paramref name="catalog"/> (master data fixed since
    /// intake); true when every line maps now. An order set aside only for its codes leaves that exception.
    /// </summary>
    public bool RemapUnmappedLines(MerchantCodeCatalog catalog, DateTime now)
    {
        foreach (var line in Lines.Where(l => l.Mapping == LineMappingKind.Unmapped))
        {
            var mapping = catalog.Resolve(line.MerchantCode);
            if (!mapping.IsMapped)
            {
                continue;
            }

            line.Mapping = mapping.Kind;
            line.GoodsId = mapping.GoodsId;
            line.ComboId = mapping.ComboId;
            line.MatchedMerchantCode = mapping.MatchedCode;
            line.Items.AddRange(Items(mapping, line.Quantity));
        }

        HasUnmappedSku = Lines.Any(l => l.Mapping == LineMappingKind.Unmapped);
        if (ExceptionKind == OrderExceptionKind.UnmappedSku)
        {
            ExceptionDetail = HasUnmappedSku ? UnmappedDetail() : null;
            if (!HasUnmappedSku)
            {
                ExceptionKind = OrderExceptionKind.None;
                Status = Status == OrderStatus.Exception ? OrderStatus.PendingReview : Status;
            }
        }

        UpdatedAt = now;
        return !HasUnmappedSku;
    }

    /// <summary>The merchant codes no goods or combo matched, each once (in line order, as the platform sent it).</summary>
    public IReadOnlyList<string> UnmappedCodes() =>
        Lines.Where(l => l.Mapping == LineMappingKind.Unmapped).OrderBy(l => l.LineNo)
            .Select(l => l.MerchantCode ?? $"line {l.LineNo}").Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private string UnmappedDetail() =>
        "No goods or combo has merchant code " + string.Join(", ", UnmappedCodes().Select(code =>
            $"'{code}' (line {string.Join(", ", Lines.Where(l => l.Mapping == LineMappingKind.Unmapped && string.Equals(l.MerchantCode ?? $"line {l.LineNo}", code, StringComparison.OrdinalIgnoreCase)).Select(l => l.LineNo))})"));

    /// <summary>
    /// What the push just flagged after review means for the floor, as the exception it sets the order aside with (not
    /// stored: the intake trigger reads it after commit). A closed trade is a refund or cancellation; a new receiver is
    /// an address problem (peers: 线上地址变更).
    /// </summary>
    public FlaggedChange? FlaggedChange { get; private set; }

    private FlaggedChange DescribeFlaggedChange(PlatformOrder incoming)
    {
        PlatformTradeStatus.TryClassify(incoming.Status, out var state);
        if (state == PlatformTradeState.Closed)
        {
            return new FlaggedChange(OrderExceptionKind.RefundRequested,
                $"The platform closed the trade ({incoming.Status}) after review: refund or cancellation; do not ship before checking.");
        }

        return ReceiverDiffers(incoming)
            ? new FlaggedChange(OrderExceptionKind.AddressProblem,
                $"The receiver changed on the platform after review: {incoming.ReceiverName} {incoming.ReceiverMobile}, "
                + $"{incoming.ReceiverProvince}{incoming.ReceiverCity}{incoming.ReceiverDistrict}{incoming.ReceiverAddress}.")
            : new FlaggedChange(OrderExceptionKind.Other, $"The platform changed the order after review (status {incoming.Status}); see its pending change.");
    }

    private bool ReceiverDiffers(PlatformOrder incoming) =>
        ReceiverName != incoming.ReceiverName || ReceiverMobile != incoming.ReceiverMobile || ReceiverProvince != incoming.ReceiverProvince
        || ReceiverCity != incoming.ReceiverCity || ReceiverDistrict != incoming.ReceiverDistrict || ReceiverAddress != incoming.ReceiverAddress;

    private static OrderStatus StatusFor(string platformStatus)
    {
        PlatformTradeStatus.TryClassify(platformStatus, out var state);
        return state switch
        {
            PlatformTradeState.AwaitingPayment => OrderStatus.AwaitingPayment,
            PlatformTradeState.Shipped => OrderStatus.Shipped,
            PlatformTradeState.Closed => OrderStatus.Cancelled,
            _ => OrderStatus.PendingReview,
        };
    }

    private static SalesOrderLine MapLine(PlatformOrderLine line, int lineNo, MerchantCodeCatalog catalog)
    {
        var mapping = catalog.Resolve(line.MerchantCode);
        return new SalesOrderLine
        {
            LineNo = lineNo,
            PlatformLineId = line.PlatformLineId,
            PlatformSkuId = line.PlatformSkuId,
            MerchantCode = line.MerchantCode,
            MatchedMerchantCode = mapping.MatchedCode,
            Title = line.Title,
            Quantity = line.Quantity,
            Price = line.Price,
            Mapping = mapping.Kind,
            GoodsId = mapping.GoodsId,
            ComboId = mapping.ComboId,
            Items = Items(mapping, line.Quantity),
        };
    }

    private static List<SalesOrderLineItem> Items(LineMapping mapping, int quantity) =>
        mapping.Components.Select(c => new SalesOrderLineItem { GoodsId = c.GoodsId, MerchantCode = c.MerchantCode, Quantity = c.QuantityPerUnit * quantity }).ToList();
}

/// <summary>A platform change that arrived after review, as the exception the order is set aside with.</summary>
public sealed record FlaggedChange(OrderExceptionKind Kind, string Detail);
