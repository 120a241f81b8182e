using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Orchestrator.Domain.Fulfilment;
using Orchestrator.Domain.MasterData;
using Orchestrator.Domain.Orders;

namespace Orchestrator.Lifecycle.Providers.Waybills;

/// <summary>JD Logistics: jingdong.etms.waybillcode.get with the key as <c>orderId</c>.</summary>
internal sealed class JdWaybillClient(HttpClient http, IOptions<WaybillOptions> options) : ICarrierWaybillClient
{
    private const int Success = 100;

    public WaybillProviderKind Provider => WaybillProviderKind.JD;

    public async Task<string> IssueAsync(SalesOrder order, Warehouse sender, IReadOnlyList<PackageLine> goods, string carrierCode, string idempotencyKey, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["customerCode"] = options.Value.Account,
            ["orderId"] = idempotencyKey,
            ["senderName"] = CarrierJson.SenderName(sender),
            ["senderTel"] = sender.ContactPhone,
            ["senderAddress"] = string.Concat(sender.Province, sender.City, sender.District, sender.Address),
        };
        var reply = Checked(await CarrierJson.PostAsync(http, "jd/etms/waybillcode/get", body, idempotencyKey, cancellationToken));
        return reply["resultInfo"]?["deliveryIdList"]?.AsArray().FirstOrDefault()?.GetValue<string>()
            ?? throw new CarrierRejectedException($"JD answered order {idempotencyKey} without a deliveryId.");
    }

    public async Task CancelAsync(string carrierCode, string trackingNumber, string idempotencyKey, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["customerCode"] = options.Value.Account, ["deliveryId"] = trackingNumber };
        Checked(await CarrierJson.PostAsync(http, "jd/etms/waybill/cancel", body, idempotencyKey, cancellationToken));
    }

    private static JsonNode Checked(JsonNode reply) =>
        reply["resultInfo"]?["code"]?.GetValue<int>() == Success
            ? reply
            : throw new CarrierRejectedException($"JD refused: {reply["resultInfo"]?["code"]} {reply["resultInfo"]?["message"]}");
}
