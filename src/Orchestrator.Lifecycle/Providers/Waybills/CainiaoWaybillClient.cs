using System.Text.Json.Nodes;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.MasterData;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Lifecycle.Providers.Waybills;

/// <summary>Cainiao (YTO, ZTO, STO, YUNDA…): cainiao.waybill.ii.get for one package, keyed by <c>object_id</c>.</summary>
internal sealed class CainiaoWaybillClient(HttpClient http) : ICarrierWaybillClient
{
    public WaybillProviderKind Provider => WaybillProviderKind.Cainiao;

    public async Task<string> IssueAsync(SalesOrder order, Warehouse sender, IReadOnlyList<PackageLine> goods, string carrierCode, string idempotencyKey, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["cp_code"] = carrierCode,
            ["sender"] = Party(CarrierJson.SenderName(sender), sender.ContactPhone, sender.Province, sender.City, sender.District, sender.Address),
            ["trade_order_info_dtos"] = new JsonArray(new JsonObject
            {
                ["object_id"] = idempotencyKey,
                ["order_info"] = new JsonObject { ["order_channels_type"] = "OTHERS", ["trade_order_list"] = new JsonArray(order.PlatformOrderId) },
                ["package_info"] = new JsonObject { ["id"] = idempotencyKey, ["items"] = CarrierJson.Items(goods) },
                ["recipient"] = Party(order.ReceiverName, order.ReceiverMobile, order.ReceiverProvince, order.ReceiverCity, order.ReceiverDistrict, order.ReceiverAddress),
            }),
        };
        var reply = await CarrierJson.PostAsync(http, "cainiao/waybill/ii/get", body, idempotencyKey, cancellationToken);
        return reply["modules"]?.AsArray().FirstOrDefault(m => m?["object_id"]?.GetValue<string>() == idempotencyKey)?["waybill_code"]?.GetValue<string>()
            ?? throw new CarrierRejectedException($"Cainiao refused {carrierCode} package {idempotencyKey}: {reply["code"]} {reply["sub_msg"]}");
    }

    public async Task CancelAsync(string carrierCode, string trackingNumber, string idempotencyKey, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["cp_code"] = carrierCode, ["waybill_code"] = trackingNumber };
        var reply = await CarrierJson.PostAsync(http, "cainiao/waybill/ii/cancel", body, idempotencyKey, cancellationToken);
        if (reply["cancel_result"]?.GetValue<bool>() != true)
        {
            throw new CarrierRejectedException($"Cainiao did not cancel {carrierCode} {trackingNumber}: {reply["code"]} {reply["sub_msg"]}");
        }
    }

    /// <summary>Cainiao's shape for a sender or a recipient.</summary>
    private static JsonObject Party(string name, string? mobile, string province, string city, string? district, string detail) => new()
    {
        ["name"] = name,
        ["mobile"] = mobile,
        ["address"] = new JsonObject { ["province"] = province, ["city"] = city, ["district"] = district, ["detail"] = detail },
    };
}
