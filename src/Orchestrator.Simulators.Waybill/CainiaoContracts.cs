using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Orchestrator.Simulators.Waybill;

/// <summary>cainiao.waybill.ii.get: at most 10 packages per call, each keyed by <c>object_id</c>.</summary>
internal sealed record CainiaoGetRequest(
    [property: JsonPropertyName("cp_code")] string? CpCode,
    [property: JsonPropertyName("sender")] JsonObject? Sender,
    [property: JsonPropertyName("trade_order_info_dtos")] IReadOnlyList<CainiaoTradeOrderInfo>? TradeOrderInfoDtos);

internal sealed record CainiaoTradeOrderInfo(
    [property: JsonPropertyName("object_id")] string? ObjectId,
    [property: JsonPropertyName("order_info")] JsonObject? OrderInfo,
    [property: JsonPropertyName("package_info")] JsonObject? PackageInfo,
    [property: JsonPropertyName("recipient")] JsonObject? Recipient);

internal sealed record CainiaoModule(
    [property: JsonPropertyName("object_id")] string ObjectId,
    [property: JsonPropertyName("waybill_code")] string WaybillCode,
    [property: JsonPropertyName("print_data")] string PrintData);

internal sealed record CainiaoGetReply([property: JsonPropertyName("modules")] IReadOnlyList<CainiaoModule> Modules);

/// <summary>cainiao.waybill.ii.cancel.</summary>
internal sealed record CainiaoCancelRequest(
    [property: JsonPropertyName("cp_code")] string? CpCode,
    [property: JsonPropertyName("waybill_code")] string? WaybillCode);

internal sealed record CainiaoCancelReply([property: JsonPropertyName("cancel_result")] bool CancelResult);

internal sealed record CainiaoError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("sub_msg")] string SubMsg);
