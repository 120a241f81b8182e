using System.Globalization;
using L = Orchestrator.Domain.Orders.PlatformOrderLimits;

namespace Orchestrator.Domain.Orders;

/// <summary>
/// The push validator's rules for an order that did not come through it (a pulled trade): the first field intake could
/// not store or would store wrongly, named as the intake API names it, or null when the order is fine.
/// </summary>
public static class PlatformOrderCheck
{
    public static OrderFieldProblem? FirstProblem(PlatformOrder order)
    {
        var problem = Text("platformOrderId", order.PlatformOrderId, L.IdLength, required: true)
            ?? Text("status", order.Status, L.StatusLength, required: true)
            ?? (PlatformTradeStatus.TryClassify(order.Status, out _) ? null : new OrderFieldProblem("status", $"Unknown platform status '{order.Status}'."))
            ?? Text("buyerNick", order.BuyerNick, L.NickLength)
            ?? Text("buyerMessage", order.BuyerMessage, L.MessageLength)
            ?? Text("sellerMemo", order.SellerMemo, L.MessageLength)
            ?? Text("receiver.name", order.ReceiverName, L.NameLength, required: true)
            ?? Text("receiver.mobile", order.ReceiverMobile, L.MobileLength, required: true)
            ?? Text("receiver.province", order.ReceiverProvince, L.RegionLength, required: true)
            ?? Text("receiver.city", order.ReceiverCity, L.RegionLength, required: true)
            ?? Text("receiver.district", order.ReceiverDistrict, L.RegionLength)
            ?? Text("receiver.address", order.ReceiverAddress, L.AddressLength, required: true)
            ?? Text("receiver.zip", order.ReceiverZip, L.ZipLength)
            ?? Amount("totalFee", order.TotalFee)
            ?? Amount("postFee", order.PostFee)
            ?? Amount("discountFee", order.DiscountFee)
            ?? Amount("payment", order.Payment);
        if (problem is not null)
        {
            return problem;
        }

        if (order.Lines.Count is 0 or > L.MaxLines)
        {
            return new OrderFieldProblem("lines", $"An order has 1 to {L.MaxLines} lines, not {order.Lines.Count}.");
        }

        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            var at = $"lines[{i.ToString(CultureInfo.InvariantCulture)}].";
            problem = (line.Quantity is < 1 or > L.MaxQuantity ? new OrderFieldProblem(at + "quantity", $"Quantity is 1 to {L.MaxQuantity}, not {line.Quantity}.") : null)
                ?? Amount(at + "price", line.Price)
                ?? Text(at + "merchantCode", line.MerchantCode, L.CodeLength)
                ?? Text(at + "platformLineId", line.PlatformLineId, L.IdLength)
                ?? Text(at + "platformSkuId", line.PlatformSkuId, L.IdLength)
                ?? Text(at + "title", line.Title, L.TitleLength);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static OrderFieldProblem? Text(string field, string? value, int maxLength, bool required = false) =>
        required && string.IsNullOrWhiteSpace(value) ? new OrderFieldProblem(field, $"{field} is required.")
        : value is null ? null
        : value.Length > maxLength ? new OrderFieldProblem(field, $"{field} has {value.Length} characters; at most {maxLength} are stored.")
        : value.Contains('\0', StringComparison.Ordinal) ? new OrderFieldProblem(field, $"{field} holds a NUL character, which PostgreSQL cannot store.")
        : HasLoneSurrogate(value) ? new OrderFieldProblem(field, $"{field} holds a lone UTF-16 surrogate, which is not text.")
        : null;

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static OrderFieldProblem? Amount(string field, decimal value) =>
        value is < 0 or > L.MaxAmount ? new OrderFieldProblem(field, $"{field} is 0 to {L.MaxAmount}, not {value}.") : null;
}
