using System.Text.Json;
using Orchestrator.Domain.MasterData;

namespace Orchestrator.Simulators.Waybill;

/// <summary>
/// Cainiao (菜鸟) e-waybills for YTO, ZTO, STO, YUNDA…: the real service does not deduplicate (DOMAIN.md); the simulator
/// keys on <c>object_id</c> as the gateway our client talks to does, so a repeated package gets its number again.
/// </summary>
internal static class CainiaoApi
{
    private const int MaxPackagesPerCall = 10;

    public static void MapCainiaoApi(this WebApplication app)
    {
        var group = app.MapGroup("/cainiao/waybill/ii").AddEndpointFilter(new FaultFilter(WaybillProviderKind.Cainiao));
        group.MapPost("/get", (WaybillLedger ledger, CainiaoGetRequest request) =>
        {
            var packages = request.TradeOrderInfoDtos ?? [];
            if (string.IsNullOrWhiteSpace(request.CpCode) || packages.Count is 0 or > MaxPackagesPerCall
                || packages.Any(p => string.IsNullOrWhiteSpace(p.ObjectId)))
            {
                return Results.BadRequest(new CainiaoError("isv.invalid-parameter", "cp_code and 1 to 10 trade_order_info_dtos with object_id are required"));
            }

            var modules = new List<CainiaoModule>();
            foreach (var package in packages)
            {
                var (waybill, result) = ledger.Issue(WaybillProviderKind.Cainiao, request.CpCode, package.ObjectId!, WaybillSender.FromCainiao(request.Sender));
                if (result == IssueResult.KeyCancelled)
                {
                    return Results.BadRequest(new CainiaoError("isv.object-id-cancelled", $"object_id {package.ObjectId} was cancelled"));
                }

                var print = JsonSerializer.Serialize(new { waybillCode = waybill.TrackingNumber, cpCode = waybill.CarrierCode, recipient = package.Recipient });
                modules.Add(new CainiaoModule(package.ObjectId!, waybill.TrackingNumber, print));
            }

            return Results.Ok(new CainiaoGetReply(modules));
        });
        group.MapPost("/cancel", (WaybillLedger ledger, CainiaoCancelRequest request) =>
            string.IsNullOrWhiteSpace(request.WaybillCode)
                ? Results.BadRequest(new CainiaoError("isv.invalid-parameter", "waybill_code is required"))
                : Results.Ok(new CainiaoCancelReply(ledger.Cancel(WaybillProviderKind.Cainiao, request.WaybillCode))));
    }
}
