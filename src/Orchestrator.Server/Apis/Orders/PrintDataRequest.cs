using FluentValidation;
using Orchestrator.Server.Apis.Review;

namespace Orchestrator.Server.Apis.Orders;

/// <summary>The orders whose pick list and labels to print (the orders list's selection).</summary>
public sealed record PrintDataRequest(List<long>? OrderIds);

/// <summary>
/// What the designer's print view lays out: one label per package (an order not yet allocated has one, from its mapped
/// lines, with no tracking number yet), and the pick list over all of them grouped by goods and warehouse.
/// <c>notPrinted</c> lists the ids that are not orders or not the caller's.
/// </summary>
public sealed record PrintDataResponse(IReadOnlyList<PrintLabel> Labels, IReadOnlyList<PrintPickItem> PickList, IReadOnlyList<PrintRefusal> NotPrinted);

public sealed record PrintLabel(
    long OrderId, string PlatformOrderId, string Shop, int Sequence, int PackageCount, string? TrackingNumber, string? Carrier, string? Warehouse,
    string ReceiverName, string ReceiverMobile, string Address, string? BuyerMessage, string? SellerMemo, IReadOnlyList<PrintLine> Lines);

public sealed record PrintLine(string MerchantCode, string? Name, int Quantity);

/// <summary>One goods in one warehouse: the total to pick and which orders take how many.</summary>
public sealed record PrintPickItem(string MerchantCode, string? Name, string? Spec, string? Warehouse, int TotalQuantity, IReadOnlyList<PrintPickOrder> Orders);

public sealed record PrintPickOrder(long OrderId, string PlatformOrderId, int Quantity);

public sealed record PrintRefusal(long OrderId, int Status, string Detail);

internal sealed class PrintDataRequestValidator : AbstractValidator<PrintDataRequest>
{
    public PrintDataRequestValidator() => RuleFor(r => r.OrderIds).AreOrderIds();
}
