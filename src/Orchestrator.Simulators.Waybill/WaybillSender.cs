using System.Text.Json.Nodes;

namespace Orchestrator.Simulators.Waybill;

/// <summary>The sender (寄件人) a request named, kept with the number so tests and ops can see what would be printed.</summary>
public sealed record WaybillSender(string? Name, string? Phone, string? Province, string? City, string? District, string? Address)
{
    /// <summary>Cainiao <c>sender</c>: <c>name</c>, <c>mobile</c> or <c>phone</c>, <c>address{province, city, district, detail}</c>.</summary>
    public static WaybillSender? FromCainiao(JsonObject? sender) => sender is null
        ? null
        : new(Text(sender, "name"), Text(sender, "mobile") ?? Text(sender, "phone"), Text(sender["address"], "province"),
            Text(sender["address"], "city"), Text(sender["address"], "district"), Text(sender["address"], "detail"));

    /// <summary>SF: the <c>contactInfoList</c> entry with <c>contactType</c> 1.</summary>
    public static WaybillSender? FromSf(JsonArray? contacts) =>
        contacts?.FirstOrDefault(c => c?["contactType"]?.GetValueKind() == System.Text.Json.JsonValueKind.Number && c["contactType"]!.GetValue<int>() == 1) is JsonObject s
            ? new(Text(s, "contact"), Text(s, "tel") ?? Text(s, "mobile"), Text(s, "province"), Text(s, "city"), Text(s, "county"), Text(s, "address"))
            : null;

    /// <summary>JD: <c>senderName</c>, <c>senderTel</c> or <c>senderMobile</c>, <c>senderAddress</c> as one line.</summary>
    public static WaybillSender? FromJd(string? name, string? tel, string? address) =>
        name is null && tel is null && address is null ? null : new(name, tel, null, null, null, address);

    private static string? Text(JsonNode? node, string field) => node?[field]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? node[field]!.GetValue<string>() : null;
}
