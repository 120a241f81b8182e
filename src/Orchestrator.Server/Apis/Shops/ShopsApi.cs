using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.MasterData;
using Orchestrator.Persistence;
using Orchestrator.Server.Security;
using Orchestrator.Workflows.Runtime.Definitions;
using Orchestrator.Workflows.Runtime.EntityFramework;

namespace Orchestrator.Server.Apis.Shops;

/// <summary>Shops with their import defaults and warehouse selection strategy.</summary>
internal static class ShopsApi
{
    public static IEndpointRouteBuilder MapShopsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/shops").WithTags("Shops");
        group.MapGet("/", List).ForReaders();
        group.MapGet("/{shopId:long}", Get).WithName("GetShop").ForReaders();
        group.MapPost("/", Create).Validate<ShopRequest>().ForAdmins();
        group.MapPut("/{shopId:long}", Update).Validate<ShopRequest>().ForAdmins();
        group.MapGet("/{shopId:long}/warehouse-strategy", GetStrategy).ForReaders();
        group.MapPut("/{shopId:long}/warehouse-strategy", UpdateStrategy).Validate<WarehouseStrategyRequest>().ForOpsLeads();

        // Which workflow a shop's new orders run belongs with the workflows (an ops lead's), the rest of the shop an admin's.
        group.MapPut("/{shopId:long}/workflow", UpdateWorkflow).Validate<ShopWorkflowRequest>().ForOpsLeads();
        return routes;
    }

    private static IQueryable<Shop> Shops(OrchestratorDbContext db) => db.Shops.Include(s => s.Platform).Include(s => s.Warehouses).AsSplitQuery();

    private static async Task<IResult> List(
        OrchestratorDbContext db, [AsParameters] PageQuery page, string? q, string? platform, bool? isEnabled, CancellationToken ct)
    {
        if (page.Problem() is { } problem)
        {
            return problem;
        }

        var query = Shops(db).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(s => s.Code.Contains(q) || s.Name.Contains(q));
        }

        if (!string.IsNullOrWhiteSpace(platform))
        {
            query = query.Where(s => s.Platform!.Code == platform);
        }

        if (isEnabled is { } enabled)
        {
            query = query.Where(s => s.IsEnabled == enabled);
        }

        return Results.Ok(await query.OrderBy(s => s.Id).ToPageAsync(page, ShopResponse.From, ct));
    }

    private static async Task<IResult> Get(long shopId, OrchestratorDbContext db, CancellationToken ct) =>
        await Shops(db).AsNoTracking().FirstOrDefaultAsync(s => s.Id == shopId, ct) is { } shop
            ? Results.Ok(ShopResponse.From(shop))
            : Problems.NotFound("Shop", shopId);

    private static async Task<IResult> Create(ShopRequest request, OrchestratorDbContext db, WorkflowDefinitionStore workflows, CancellationToken ct)
    {
        var shop = new Shop { Code = "", Name = "" };
        if (await Apply(db, workflows, shop, request, ct) is { } problem)
        {
            return problem;
        }

        db.Shops.Add(shop);
        await db.SaveChangesAsync(ct);
        return Results.CreatedAtRoute("GetShop", new { shopId = shop.Id }, ShopResponse.From(shop));
    }

    private static async Task<IResult> Update(long shopId, ShopRequest request, OrchestratorDbContext db, WorkflowDefinitionStore workflows, CancellationToken ct)
    {
        var shop = await Shops(db).FirstOrDefaultAsync(s => s.Id == shopId, ct);
        if (shop is null)
        {
            return Problems.NotFound("Shop", shopId);
        }

        if (Versioning.Conflict(db, shop, request.Version, "Shop") is { } conflict)
        {
            return conflict;
        }

        if (await Apply(db, workflows, shop, request, ct) is { } problem)
        {
            return problem;
        }

        await db.SaveChangesAsync(ct);
        return Results.Ok(ShopResponse.From(shop));
    }

    private static async Task<IResult> UpdateWorkflow(
        long shopId, ShopWorkflowRequest request, OrchestratorDbContext db, WorkflowDefinitionStore workflows, CancellationToken ct)
    {
        var shop = await Shops(db).FirstOrDefaultAsync(s => s.Id == shopId, ct);
        if (shop is null)
        {
            return Problems.NotFound("Shop", shopId);
        }

        if (Versioning.Conflict(db, shop, request.Version, "Shop") is { } conflict)
        {
            return conflict;
        }

        if (request.WorkflowDefinitionId is { } workflow && await workflows.FindPublishedAsync(workflow, ct) is null)
        {
            return Problems.Invalid("workflowDefinitionId", $"No published workflow definition has id '{workflow}'. Publish it first, or send null for the default sales-order.");
        }

        shop.WorkflowDefinitionId = request.WorkflowDefinitionId;
        await db.SaveChangesAsync(ct);
        return Results.Ok(ShopResponse.From(shop));
    }

    private static async Task<IResult> GetStrategy(long shopId, OrchestratorDbContext db, CancellationToken ct) =>
        await Shops(db).AsNoTracking().FirstOrDefaultAsync(s => s.Id == shopId, ct) is { } shop
            ? Results.Ok(StrategyOf(shop))
            : Problems.NotFound("Shop", shopId);

    private static async Task<IResult> UpdateStrategy(long shopId, WarehouseStrategyRequest request, OrchestratorDbContext db, CancellationToken ct)
    {
        var shop = await Shops(db).FirstOrDefaultAsync(s => s.Id == shopId, ct);
        if (shop is null)
        {
            return Problems.NotFound("Shop", shopId);
        }

        if (Versioning.Conflict(db, shop, request.Version, "Shop") is { } conflict)
        {
            return conflict;
        }

        var wanted = request.Warehouses!;
        var ids = wanted.Select(w => w.WarehouseId).ToList();
        var known = await db.Warehouses.Where(w => ids.Contains(w.Id)).Select(w => w.Id).ToListAsync(ct);
        var errors = wanted.Select((w, i) => (w, i))
            .Where(x => !known.Contains(x.w.WarehouseId))
            .ToDictionary(x => $"warehouses[{x.i}].warehouseId", x => new[] { $"No warehouse has id {x.w.WarehouseId}." });
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        shop.AllowOutOfStock = request.AllowOutOfStock;
        shop.AllowSplitPackages = request.AllowSplitPackages ?? shop.AllowSplitPackages;
        shop.Warehouses.RemoveAll(existing => !ids.Contains(existing.WarehouseId));
        foreach (var w in wanted)
        {
            var existing = shop.Warehouses.FirstOrDefault(x => x.WarehouseId == w.WarehouseId);
            if (existing is null)
            {
                shop.Warehouses.Add(new ShopWarehouse { ShopId = shop.Id, WarehouseId = w.WarehouseId, Priority = w.Priority });
            }
            else
            {
                existing.Priority = w.Priority;
            }
        }

        await db.SaveChangesAsync(ct);
        return Results.Ok(StrategyOf(shop));
    }

    private static WarehouseStrategyRequest StrategyOf(Shop shop) =>
        new(shop.AllowOutOfStock, shop.Warehouses.OrderBy(w => w.Priority).Select(w => new WarehousePriority(w.WarehouseId, w.Priority)).ToList(), shop.Version,
            shop.AllowSplitPackages);

    private static async Task<IResult?> Apply(OrchestratorDbContext db, WorkflowDefinitionStore workflows, Shop shop, ShopRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (await db.Shops.AnyAsync(s => s.Code == request.Code && s.Id != shop.Id, ct))
        {
            return Problems.Duplicate("code", $"A shop with code '{request.Code}' already exists.");
        }

        var platform = await db.Platforms.FirstOrDefaultAsync(p => p.Code == request.Platform, ct);
        if (platform is null)
        {
            errors["platform"] = [$"Unknown platform '{request.Platform}'. Known: {string.Join(", ", await db.Platforms.Select(p => p.Code).ToListAsync(ct))}."];
        }

        if (request.DefaultWarehouseId is { } warehouseId && !await db.Warehouses.AnyAsync(w => w.Id == warehouseId, ct))
        {
            errors["defaultWarehouseId"] = [$"No warehouse has id {warehouseId}."];
        }

        if (request.DefaultLogisticsCompanyId is { } companyId && !await db.LogisticsCompanies.AnyAsync(l => l.Id == companyId, ct))
        {
            errors["defaultLogisticsCompanyId"] = [$"No logistics company has id {companyId}."];
        }

        if (request.WorkflowDefinitionId is { } workflow && await workflows.FindPublishedAsync(workflow, ct) is null)
        {
            errors["workflowDefinitionId"] = [$"No published workflow definition has id '{workflow}'. Publish it first, or leave it out for the default sales-order."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        shop.Code = request.Code!.Trim();
        shop.Name = request.Name!.Trim();
        shop.PlatformId = platform!.Id;
        shop.Platform = platform;
        shop.DefaultWarehouseId = request.DefaultWarehouseId;
        shop.DefaultLogisticsCompanyId = request.DefaultLogisticsCompanyId;
        shop.AccountingPartner = request.AccountingPartner?.Trim();
        shop.DefaultEmployee = request.DefaultEmployee?.Trim();
        shop.IsEnabled = request.IsEnabled ?? true;
        shop.WorkflowDefinitionId = request.WorkflowDefinitionId;
        return null;
    }
}
