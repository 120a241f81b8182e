using Microsoft.EntityFrameworkCore;
using Orchestrator.Persistence;

namespace Orchestrator.Server.Apis.Packages;

/// <summary>An order's packages (包裹): one per warehouse it ships from, or as the floor split it.</summary>
internal static class PackagesApi
{
    public static IEndpointRouteBuilder MapPackagesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/orders/{orderId:long}").WithTags("Packages");
        group.MapGet("/packages", List);
        return routes;
    }

    private static async Task<IResult> List(long orderId, OrchestratorDbContext db, CancellationToken ct)
    {
        if (!await db.SalesOrders.AnyAsync(o => o.Id == orderId, ct))
        {
            return Problems.NotFound("Order", orderId);
        }

        var packages = await db.Packages.AsNoTracking().Where(p => p.OrderId == orderId).OrderBy(p => p.Sequence).ToListAsync(ct);
        return Results.Ok(packages.Select(PackageResponse.From));
    }
}
