using Orchestrator.Domain.MasterData;

namespace Orchestrator.Simulators.Waybill;

/// <summary>JD Logistics (京东物流) e-waybills: a number per orderId, and cancellation of an unsent one.</summary>
internal static class JdApi
{
    public static void MapJdApi(this WebApplication app)
    {
        var group = app.MapGroup("/jd/etms").AddEndpointFilter(new FaultFilter(WaybillProviderKind.JD));
        group.MapPost("/waybillcode/get", (WaybillLedger ledger, JdWaybillCodeRequest request) =>
        {
            if (string.IsNullOrWhiteSpace(request.OrderId))
            {
                return JdReply.Error(101, "orderId is required");
            }

            var (waybill, result) = ledger.Issue(WaybillProviderKind.JD, "JD", request.OrderId, WaybillSender.FromJd(request.SenderName, request.SenderTel ?? request.SenderMobile, request.SenderAddress));
            return result == IssueResult.KeyCancelled ? JdReply.Error(119, $"orderId {request.OrderId} was cancelled") : JdReply.Ok(waybill.TrackingNumber);
        });
        group.MapPost("/waybill/cancel", (WaybillLedger ledger, JdCancelRequest request) =>
            !string.IsNullOrWhiteSpace(request.DeliveryId) && ledger.Cancel(WaybillProviderKind.JD, request.DeliveryId)
                ? JdReply.Ok(request.DeliveryId)
                : JdReply.Error(120, $"waybill {request.DeliveryId} not found"));
    }
}
