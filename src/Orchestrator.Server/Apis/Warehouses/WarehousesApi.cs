using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.MasterData;
using Orchestrator.Persistence;

using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.Warehouses;

/// <summary>Warehouses; their full address is the e-waybill sender address.</summary>
internal static class WarehousesApi
{
    public static IEndpointRouteBuilder MapWarehousesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/warehouses").WithTags("Warehouses");
        group.MapGet("/", List).ForReaders();
        group.MapGet("/{id:long}", Get).WithName("GetWarehouse").ForReaders();
        group.MapPost("/", Create).Validate<WarehouseRequest>().ForOpsLeads();
        group.MapPut("/{id:long}", Update).Validate<WarehouseRequest>().ForOpsLeads();
        return routes;
    }

    private static async Task<IResult> List(OrchestratorDbContext db, [AsParameters] PageQuery page, string? q, bool? isEnabled, CancellationToken ct)
    {
        if (page.Problem() is { } problem)
        {
            return problem;
        }

        var query = db.Warehouses.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(w => w.Code.Contains(q) || w.Name.Contains(q) || w.City.Contains(q));
        }

        if (isEnabled is { } enabled)
        {
            query = query.Where(w => w.IsEnabled == enabled);
        }

        return Results.Ok(await query.OrderBy(w => w.Id).ToPageAsync(page, WarehouseResponse.From, ct));
    }

    private static async Task<IResult> Get(long id, OrchestratorDbContext db, CancellationToken ct) =>
        await db.Warehouses.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct) is { } warehouse
            ? Results.Ok(WarehouseResponse.From(warehouse))
            : Problems.NotFound("Warehouse", id);

    private static async Task<IResult> Create(WarehouseRequest request, OrchestratorDbContext db, CancellationToken ct)
    {
        if (await db.Warehouses.AnyAsync(w => w.Code == request.Code, ct))
        {
            return Problems.Duplicate("code", $"A warehouse with code '{request.Code}' already exists.");
        }

        var warehouse = new Warehouse { Code = "", Name = "", Province = "", City = "", Address = "" };
        Apply(warehouse, request);
        db.Warehouses.Add(warehouse);
        await db.SaveChangesAsync(ct);
        return Results.CreatedAtRoute("GetWarehouse", new { id = warehouse.Id }, WarehouseResponse.From(warehouse));
    }

    private static async Task<IResult> Update(long id, WarehouseRequest request, OrchestratorDbContext db, CancellationToken ct)
    {
        var warehouse = await db.Warehouses.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (warehouse is null)
        {
            return Problems.NotFound("Warehouse", id);
        }

        if (Versioning.Conflict(db, warehouse, request.Version, "Warehouse") is { } conflict)
        {
            return conflict;
        }

        if (await db.Warehouses.AnyAsync(w => w.Code == request.Code && w.Id != id, ct))
        {
            return Problems.Duplicate("code", $"A warehouse with code '{request.Code}' already exists.");
        }

        Apply(warehouse, request);
        await db.SaveChangesAsync(ct);
        return Results.Ok(WarehouseResponse.From(warehouse));
    }

    private static void Apply(Warehouse warehouse, WarehouseRequest request)
    {
        warehouse.Code = request.Code!.Trim();
        warehouse.Name = request.Name!.Trim();
        warehouse.Province = request.Province!.Trim();
        warehouse.City = request.City!.Trim();
        warehouse.District = request.District?.Trim();
        warehouse.Address = request.Address!.Trim();
        warehouse.ContactName = request.ContactName;
        warehouse.ContactPhone = request.ContactPhone;
        warehouse.IsEnabled = request.IsEnabled ?? true;
    }
}
