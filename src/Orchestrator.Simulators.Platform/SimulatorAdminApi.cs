namespace Orchestrator.Simulators.Platform;

/// <summary>What tests and the demo use to set the platform up and look inside it.</summary>
public static class SimulatorAdminApi
{
    public static IEndpointRouteBuilder MapSimulatorAdmin(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/admin");
        admin.MapPost("/trades", async (CreateTradesRequest request, SimulatorState state, IntakePusher pusher, CancellationToken ct) =>
        {
            var added = state.AddTrades(request);
            await pusher.PushAsync(added, ct);
            return Results.Ok(added);
        });
        admin.MapGet("/trades", (SimulatorState state) => state.Trades());
        admin.MapPut("/push-url", (PushUrlRequest request, SimulatorState state) =>
        {
            state.PushUrl = request.Url;
            state.PushApiKey = request.ApiKey;
            return Results.NoContent();
        });
        admin.MapGet("/shipments", (long? tid, SimulatorState state) => state.Shipments().Where(s => tid is null || s.Tid == tid));
        admin.MapGet("/shipments/count", (SimulatorState state) => new { count = state.ShipmentCount() });
        admin.MapGet("/sends", (long tid, SimulatorState state) => new { tid, sends = state.Sends(tid) });
        admin.MapPut("/ship-delay", (ShipDelayRequest request, SimulatorState state) =>
        {
            state.ShipDelay = TimeSpan.FromMilliseconds(request.Milliseconds);
            return Results.NoContent();
        });
        admin.MapGet("/stock-updates", (SimulatorState state) => state.StockUpdates());
        admin.MapGet("/stock", (string? api, string? seller, SimulatorState state) => state.Stock(api, seller));
        admin.MapGet("/pulls", (string? api, string? seller, SimulatorState state) => state.Pulls().Where(c => (api is null || c.Api == api) && (seller is null || c.Seller == seller)));
        admin.MapPost("/page-shifts", (PageShiftRequest shift, PageShifts shifts) =>
        {
            shifts.Arm(shift);
            return Results.NoContent();
        });
        admin.MapPost("/faults", (FaultRequest fault, SimulatorState state) =>
        {
            state.InjectFault(fault);
            return Results.NoContent();
        });
        admin.MapDelete("/faults", (SimulatorState state) =>
        {
            state.ClearFaults();
            return Results.NoContent();
        });
        return routes;
    }
}
