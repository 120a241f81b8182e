using System.Text.Json.Nodes;

namespace Orchestrator.Simulators.Waybill;

/// <summary>SF EXP_RECE_CREATE_ORDER: <c>orderId</c> is the seller's key; a repeated orderId gets its waybill again.</summary>
internal sealed record SfCreateOrder(string? OrderId, string? MonthlyCard, int? ExpressTypeId, JsonArray? CargoDetails, JsonArray? ContactInfoList);

/// <summary>SF EXP_RECE_UPDATE_ORDER with <c>dealType</c> 2 cancels the order and its waybill.</summary>
internal sealed record SfUpdateOrder(string? OrderId, int DealType, JsonArray? WaybillNoInfoList);

internal sealed record SfWaybillNo(int WaybillType, string WaybillNo);

internal sealed record SfOrderData(string OrderId, IReadOnlyList<SfWaybillNo> WaybillNoInfoList);

internal sealed record SfReply(bool Success, string ErrorCode, string? ErrorMsg, SfOrderData? MsgData)
{
    public static SfReply Ok(string orderId, string waybillNo) => new(true, "S0000", null, new SfOrderData(orderId, [new SfWaybillNo(1, waybillNo)]));

    public static SfReply Error(string code, string message) => new(false, code, message, null);
}
