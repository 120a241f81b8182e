using Orchestrator.Domain.MasterData;

namespace Orchestrator.Simulators.Waybill;

/// <summary>For tests and ops: the numbers issued so far, and fault injection per provider.</summary>
internal static class AdminApi
{
    public static void MapAdminApi(this WebApplication app)
    {
        var group = app.MapGroup("/admin");
        group.MapGet("/waybills", (WaybillLedger ledger, WaybillProviderKind? provider) => ledger.List(provider));
        group.MapPost("/faults", (FaultPlan faults, FaultRequest request) =>
        {
            if (request.Fail < 0 || request.Delay < 0 || request.DelaySeconds < 0)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["fail"] = ["fail, delay and delaySeconds cannot be negative."] });
            }

            faults.Set(request);
            return Results.NoContent();
        });
        group.MapDelete("/faults", (FaultPlan faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
    }
}
