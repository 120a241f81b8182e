using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.MasterData;
using Orchestrator.Persistence;

using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.Platforms;

/// <summary>Sales channels: Taobao, Tmall, JD, AliExpress, Amazon, POS and any added later.</summary>
internal static class PlatformsApi
{
    public static IEndpointRouteBuilder MapPlatformsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/platforms").WithTags("Platforms");
        group.MapGet("/", List).ForReaders();
        group.MapGet("/{id:long}", Get).WithName("GetPlatform").ForReaders();
        group.MapPost("/", Create).Validate<PlatformRequest>().ForAdmins();
        group.MapPut("/{id:long}", Update).Validate<PlatformRequest>().ForAdmins();
        return routes;
    }

    private static async Task<IResult> List(OrchestratorDbContext db, [AsParameters] PageQuery page, string? q, CancellationToken ct)
    {
        if (page.Problem() is { } problem)
        {
            return problem;
        }

        var query = db.Platforms.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(p => p.Code.Contains(q) || p.Name.Contains(q));
        }

        return Results.Ok(await query.OrderBy(p => p.Id).ToPageAsync(page, PlatformResponse.From, ct));
    }

    private static async Task<IResult> Get(long id, OrchestratorDbContext db, CancellationToken ct) =>
        await db.Platforms.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } platform
            ? Results.Ok(PlatformResponse.From(platform))
            : Problems.NotFound("Platform", id);

    private static async Task<IResult> Create(PlatformRequest request, OrchestratorDbContext db, CancellationToken ct)
    {
        if (await db.Platforms.AnyAsync(p => p.Code == request.Code, ct))
        {
            return Problems.Duplicate("code", $"A platform with code '{request.Code}' already exists.");
        }

        var platform = new Platform { Code = request.Code!, Name = request.Name! };
        db.Platforms.Add(platform);
        await db.SaveChangesAsync(ct);
        return Results.CreatedAtRoute("GetPlatform", new { id = platform.Id }, PlatformResponse.From(platform));
    }

    private static async Task<IResult> Update(long id, PlatformRequest request, OrchestratorDbContext db, CancellationToken ct)
    {
        var platform = await db.Platforms.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (platform is null)
        {
            return Problems.NotFound("Platform", id);
        }

        if (Versioning.Conflict(db, platform, request.Version, "Platform") is { } conflict)
        {
            return conflict;
        }

        if (await db.Platforms.AnyAsync(p => p.Code == request.Code && p.Id != id, ct))
        {
            return Problems.Duplicate("code", $"A platform with code '{request.Code}' already exists.");
        }

        platform.Code = request.Code!;
        platform.Name = request.Name!;
        await db.SaveChangesAsync(ct);
        return Results.Ok(PlatformResponse.From(platform));
    }
}
