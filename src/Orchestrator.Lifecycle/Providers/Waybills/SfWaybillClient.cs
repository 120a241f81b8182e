using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.MasterData;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Lifecycle.Providers.Waybills;

/// <summary>SF Express: EXP_RECE_CREATE_ORDER with the key as <c>orderId</c>, which SF answers with the same waybill when repeated.</summary>
internal sealed class SfWaybillClient(HttpClient http, IOptions<WaybillOptions> options) : ICarrierWaybillClient
{
    public WaybillProviderKind Provider => WaybillProviderKind.SF;

    public async Task<string> IssueAsync(SalesOrder order, Warehouse sender, IReadOnlyList<PackageLine> goods, string carrierCode, string idempotencyKey, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["orderId"] = idempotencyKey,
            ["monthlyCard"] = options.Value.Account,
            ["expressTypeId"] = 1,
            ["cargoDetails"] = CarrierJson.Items(goods),
            ["contactInfoList"] = new JsonArray(
            new JsonObject
            {
                ["contactType"] = 1,
                ["contact"] = CarrierJson.SenderName(sender),
                ["tel"] = sender.ContactPhone,
                ["province"] = sender.Province,
                ["city"] = sender.City,
                ["county"] = sender.District,
                ["address"] = sender.Address,
            },
            new JsonObject
            {
                ["contactType"] = 2,
                ["contact"] = order.ReceiverName,
                ["mobile"] = order.ReceiverMobile,
                ["province"] = order.ReceiverProvince,
                ["city"] = order.ReceiverCity,
                ["county"] = order.ReceiverDistrict,
                ["address"] = order.ReceiverAddress,
            }),
        };
        var reply = Checked(await CarrierJson.PostAsync(http, "sf/std/service/EXP_RECE_CREATE_ORDER", body, idempotencyKey, cancellationToken));
        return reply["msgData"]?["waybillNoInfoList"]?.AsArray().FirstOrDefault(w => w?["waybillType"]?.GetValue<int>() == 1)?["waybillNo"]?.GetValue<string>()
            ?? throw new CarrierRejectedException($"SF answered order {idempotencyKey} without a parent waybill number.");
    }

    public async Task CancelAsync(string carrierCode, string trackingNumber, string idempotencyKey, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["orderId"] = idempotencyKey,
            ["dealType"] = 2,
            ["waybillNoInfoList"] = new JsonArray(new JsonObject { ["waybillType"] = 1, ["waybillNo"] = trackingNumber }),
        };
        Checked(await CarrierJson.PostAsync(http, "sf/std/service/EXP_RECE_UPDATE_ORDER", body, idempotencyKey, cancellationToken));
    }

    private static JsonNode Checked(JsonNode reply) =>
        reply["success"]?.GetValue<bool>() == true
            ? reply
            : throw new CarrierRejectedException($"SF refused: {reply["errorCode"]} {reply["errorMsg"]}");
}
