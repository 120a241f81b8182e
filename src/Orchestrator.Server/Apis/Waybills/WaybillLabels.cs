using System.Globalization;
using System.Text;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.MasterData;
using Orchestrator.Domain.Orders;
using Orchestrator.Server.Printing;

namespace Orchestrator.Server.Apis.Waybills;

/// <summary>E-waybill labels (电子面单) at 100 × 150 mm, one page per package's live waybill: carrier, number and barcode, receiver, sender, goods.</summary>
internal static class WaybillLabels
{
    private const string Css = """
        @page { size: 100mm 150mm; margin: 0; }
        .label { width: 100mm; height: 150mm; box-sizing: border-box; padding: 3mm; page-break-after: always; break-after: page; overflow: hidden; }
        .label:last-child { page-break-after: auto; break-after: auto; }
        .carrier { font-size: 16pt; font-weight: bold; border-bottom: 0.4mm solid #000; padding-bottom: 1.5mm; }
        .barcode { display: block; margin: 2mm auto 0; }
        .number { text-align: center; font-size: 14pt; font-weight: bold; letter-spacing: 0.5mm; margin-bottom: 2mm; }
        .party { border-top: 0.3mm solid #000; padding: 1.5mm 0; font-size: 10pt; }
        .party b { display: inline-block; width: 7mm; }
        .goods { border-top: 0.3mm solid #000; padding-top: 1.5mm; font-size: 8pt; }
        .order { font-size: 8pt; margin-top: 1.5mm; }
        @media screen { .label { border: 0.3mm dashed #999; margin: 4mm; } }
        """;

    public static IResult Html(SalesOrder order, IReadOnlyList<WaybillLabel> labels, IReadOnlyDictionary<string, string> carrierNames)
    {
        var e = PrintPage.Encode;
        var body = new StringBuilder();
        var n = 0;
        foreach (var (waybill, lines, sender) in labels)
        {
            n++;
            var goods = string.Join("；", lines.GroupBy(i => i.MerchantCode, StringComparer.OrdinalIgnoreCase).Select(g => $"{g.Key} × {g.Sum(i => i.Quantity)}"));
            body.Append("<section class=\"label\">")
                .Append(CultureInfo.InvariantCulture, $"<div class=\"carrier\">{e(carrierNames.GetValueOrDefault(waybill.CarrierCode, waybill.CarrierCode))} {e(waybill.CarrierCode)}</div>")
                .Append(Code128.Svg(waybill.TrackingNumber, 90, 22))
                .Append(CultureInfo.InvariantCulture, $"<div class=\"number\">{e(waybill.TrackingNumber)}</div>")
                .Append(CultureInfo.InvariantCulture,
                    $"<div class=\"party receiver\"><b>收</b>{e(order.ReceiverName)} {e(MaskPhone(order.ReceiverMobile))}<br>{e(order.ReceiverProvince)}{e(order.ReceiverCity)}{e(order.ReceiverDistrict)}{e(order.ReceiverAddress)}</div>")
                .Append(CultureInfo.InvariantCulture,
                    $"<div class=\"party sender\"><b>寄</b>{e(sender?.ContactName ?? sender?.Name)} {e(sender?.ContactPhone)}<br>{e(sender?.Province)}{e(sender?.City)}{e(sender?.District)}{e(sender?.Address)}</div>")
                .Append(CultureInfo.InvariantCulture, $"<div class=\"goods\">{e(goods)}</div>")
                .Append(CultureInfo.InvariantCulture, $"<div class=\"order\">订单 {e(order.PlatformOrderId)} · 包裹 {n}/{labels.Count}</div>")
                .Append("</section>");
        }

        return PrintPage.Html($"电子面单 {order.PlatformOrderId}", Css, body.ToString());
    }

    /// <summary>One label: the waybill, the goods in its parcel, and the warehouse it leaves from.</summary>
    public sealed record WaybillLabel(Waybill Waybill, IReadOnlyList<(string MerchantCode, int Quantity)> Lines, Warehouse? Sender);

    /// <summary>Labels show the receiver's mobile as 138****0001: the parcel passes many hands.</summary>
    private static string MaskPhone(string phone) => phone.Length >= 11 ? string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(phone.Length - 4)) : phone;
}
