using System.Globalization;
using System.Text;
using Orchestrator.Server.Printing;

namespace Orchestrator.Server.Apis.PickLists;

/// <summary>The wave as an A4 pick list (配货单): goods in walking order with the per-order split, then the orders.</summary>
internal static class PickListPrint
{
    private const string Css = """
        @page { size: A4 portrait; margin: 12mm; }
        h1 { font-size: 16pt; margin: 0 0 4mm; }
        .meta { font-size: 9pt; margin-bottom: 4mm; }
        table { width: 100%; border-collapse: collapse; font-size: 10pt; }
        th, td { border: 0.3mm solid #000; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
        td.qty { text-align: right; font-weight: bold; font-size: 12pt; }
        td.check { width: 8mm; }
        .split { font-size: 8pt; }
        .orders { page-break-before: always; }
        @media print {
          thead { display: table-header-group; }
          tr { page-break-inside: avoid; }
        }
        """;

    public static IResult Html(PickListResponse wave)
    {
        var body = new StringBuilder();
        var e = PrintPage.Encode;
        body.Append(CultureInfo.InvariantCulture, $"<h1>配货单 Pick list #{wave.Id}</h1>")
            .Append(CultureInfo.InvariantCulture,
                $"<div class=\"meta\">仓库 Warehouse: {e(wave.WarehouseCode)} {e(wave.WarehouseName)} · 订单 Orders: {wave.Orders.Count} · 件数 Units: {wave.TotalQuantity} · {wave.CreatedAt:yyyy-MM-dd HH:mm} UTC · {wave.Status}</div>")
            .Append("<table class=\"items\"><thead><tr><th>#</th><th>商家编码 Merchant code</th><th>条码 Barcode</th><th>商品 Goods</th><th>数量 Qty</th><th>分单 Per order</th><th>✓</th></tr></thead><tbody>");
        var row = 0;
        foreach (var item in wave.Items)
        {
            var split = string.Join("<br>", item.Orders.Select(o => $"{e(o.PlatformOrderId)} × {o.Quantity}"));
            body.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{++row}</td><td>{e(item.MerchantCode)}</td><td>{e(item.Barcode)}</td><td>{e(item.Name)} {e(item.Spec)}</td><td class=\"qty\">{item.TotalQuantity}</td><td class=\"split\">{split}</td><td class=\"check\"></td></tr>");
        }

        body.Append("</tbody></table>")
            .Append("<table class=\"orders\"><thead><tr><th>#</th><th>订单 Order</th><th>收件人 Receiver</th><th>快递 Carrier</th><th>运单号 Tracking number</th></tr></thead><tbody>");
        foreach (var order in wave.Orders)
        {
            body.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{order.Position}</td><td>{e(order.PlatformOrderId)}</td><td>{e(order.ReceiverName)}</td><td>{e(order.Carrier)}</td><td>{e(order.TrackingNumber)}</td></tr>");
        }

        body.Append("</tbody></table>");
        return PrintPage.Html($"配货单 #{wave.Id}", Css, body.ToString());
    }
}
