using Microsoft.EntityFrameworkCore;
using Orchestrator.Integrations.Runtime.Pull;
using Orchestrator.Persistence;
using Orchestrator.Persistence.Integrations;
using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.Pull;

/// <summary>Scheduled pull per shop (an Orleans reminder on the shop's pull grain) and its durable cursor.</summary>
internal static class PullApi
{
    public static IEndpointRouteBuilder MapPullApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/shops/{shopId:long}").WithTags("Order pull");
        group.MapGet("/pull", Get).ForReaders();
        group.MapPut("/pull", Put).Validate<PullScheduleRequest>().ForOpsLeads();
        group.MapPost("/orders:pull-now", PullNow).ForOpsLeads();
        return routes;
    }

    /// <summary>How many refused trades the pull state shows, newest first; older ones stay in the table.</summary>
    private const int RefusalsShown = 50;

    private static async Task<IResult> Get(long shopId, OrchestratorDbContext db, CancellationToken ct) =>
        await db.Shops.AnyAsync(s => s.Id == shopId, ct)
            ? Results.Ok(await StateAsync(db, shopId, ct))
            : Problems.NotFound("Shop", shopId);

    private static async Task<PullStateResponse> StateAsync(OrchestratorDbContext db, long shopId, CancellationToken ct) =>
        PullStateResponse.From(shopId, await db.ShopPullStates.AsNoTracking().FirstOrDefaultAsync(p => p.ShopId == shopId, ct), await RefusalsAsync(db, shopId, ct));

    private static Task<List<PullRefusal>> RefusalsAsync(OrchestratorDbContext db, long shopId, CancellationToken ct) =>
        db.PullRefusals.AsNoTracking().Where(r => r.ShopId == shopId).OrderByDescending(r => r.LastRefusedAt).ThenByDescending(r => r.Id)
            .Take(RefusalsShown).ToListAsync(ct);

    private static async Task<IResult> Put(long shopId, PullScheduleRequest request, OrchestratorDbContext db, IGrainFactory grains, CancellationToken ct)
    {
        if (!await db.Shops.AnyAsync(s => s.Id == shopId, ct))
        {
            return Problems.NotFound("Shop", shopId);
        }

        var state = await db.ShopPullStates.FirstOrDefaultAsync(p => p.ShopId == shopId, ct);
        if (state is null)
        {
            state = new ShopPullState { ShopId = shopId };
            db.ShopPullStates.Add(state);
        }

        state.IntervalMinutes = request.IntervalMinutes is > 0 ? request.IntervalMinutes : null;
        if (request.Cursor is { } cursor)
        {
            state.Cursor = cursor.UtcDateTime;
        }

        await db.SaveChangesAsync(ct);
        await grains.GetGrain<IShopPullGrain>(shopId).ScheduleAsync();
        return Results.Ok(PullStateResponse.From(shopId, state, await RefusalsAsync(db, shopId, ct)));
    }

    /// <summary>Runs one scheduled cycle through the shop's grain now (the reminder does the same each interval).</summary>
    private static async Task<IResult> PullNow(long shopId, OrchestratorDbContext db, IGrainFactory grains, CancellationToken ct)
    {
        var shop = await db.Shops.AsNoTracking().FirstOrDefaultAsync(s => s.Id == shopId, ct);
        if (shop is null)
        {
            return Problems.NotFound("Shop", shopId);
        }

        var run = await grains.GetGrain<IShopPullGrain>(shopId).PullNowAsync();
        if (run.Kind == PullRunKind.NotConnected)
        {
            return Orders.OrdersApi.NotConnected(shop);
        }

        if (run.Kind == PullRunKind.NoShop)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Shop disabled", detail: run.Error);
        }

        return Results.Ok(new PullNowResponse(run.Kind, run.Since, run.Until, run.OrdersTaken, run.OrdersRefused, run.Error, await StateAsync(db, shopId, ct)));
    }
}
