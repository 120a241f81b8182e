using Orchestrator.Domain.MasterData;

namespace Orchestrator.Simulators.Waybill;

/// <summary>SF Express (顺丰) order service: create an order to get its waybill number, cancel it with dealType 2.</summary>
internal static class SfApi
{
    public static void MapSfApi(this WebApplication app)
    {
        var group = app.MapGroup("/sf/std/service").AddEndpointFilter(new FaultFilter(WaybillProviderKind.SF));
        group.MapPost("/EXP_RECE_CREATE_ORDER", (WaybillLedger ledger, SfCreateOrder request) =>
        {
            if (string.IsNullOrWhiteSpace(request.OrderId))
            {
                return SfReply.Error("1010", "orderId is required");
            }

            var (waybill, result) = ledger.Issue(WaybillProviderKind.SF, "SF", request.OrderId, WaybillSender.FromSf(request.ContactInfoList));
            return result == IssueResult.KeyCancelled
                ? SfReply.Error("8016", $"orderId {request.OrderId} was cancelled and cannot be used again")
                : SfReply.Ok(request.OrderId, waybill.TrackingNumber);
        });
        group.MapPost("/EXP_RECE_UPDATE_ORDER", (WaybillLedger ledger, SfUpdateOrder request) =>
        {
            var number = request.WaybillNoInfoList?.FirstOrDefault()?["waybillNo"]?.ToString();
            if (request.DealType != 2 || string.IsNullOrWhiteSpace(request.OrderId) || number is null)
            {
                return SfReply.Error("1010", "only dealType 2 (cancel) with orderId and waybillNoInfoList is simulated");
            }

            return ledger.Cancel(WaybillProviderKind.SF, number)
                ? SfReply.Ok(request.OrderId, number)
                : SfReply.Error("8018", $"waybill {number} not found");
        });
    }
}
