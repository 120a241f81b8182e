namespace Orchestrator.Simulators.Waybill;

/// <summary>jingdong.etms.waybillcode.get, simplified to one package per <c>orderId</c>, with the sender fields of the order it is for.</summary>
internal sealed record JdWaybillCodeRequest(string? CustomerCode, string? OrderId, string? SenderName, string? SenderTel, string? SenderMobile, string? SenderAddress);

/// <summary>Cancelling (intercepting) a JD waybill by <c>deliveryId</c>.</summary>
internal sealed record JdCancelRequest(string? CustomerCode, string? DeliveryId);

internal sealed record JdResultInfo(int Code, string Message, IReadOnlyList<string>? DeliveryIdList);

internal sealed record JdReply(JdResultInfo ResultInfo)
{
    public static JdReply Ok(params string[] deliveryIds) => new(new JdResultInfo(100, "成功", deliveryIds));

    public static JdReply Error(int code, string message) => new(new JdResultInfo(code, message, null));
}
