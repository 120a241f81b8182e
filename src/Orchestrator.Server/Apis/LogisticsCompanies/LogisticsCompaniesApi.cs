using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.MasterData;
using Orchestrator.Persistence;

using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.LogisticsCompanies;

/// <summary>Carriers and which e-waybill service issues their tracking numbers.</summary>
internal static class LogisticsCompaniesApi
{
    public static IEndpointRouteBuilder MapLogisticsCompaniesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/logistics-companies").WithTags("Logistics companies");
        group.MapGet("/", List).ForReaders();
        group.MapGet("/{id:long}", Get).WithName("GetLogisticsCompany").ForReaders();
        group.MapPost("/", Create).Validate<LogisticsCompanyRequest>().ForOpsLeads();
        group.MapPut("/{id:long}", Update).Validate<LogisticsCompanyRequest>().ForOpsLeads();
        return routes;
    }

    private static async Task<IResult> List(
        OrchestratorDbContext db, [AsParameters] PageQuery page, string? q, WaybillProviderKind? waybillProvider, bool? supportsCod, CancellationToken ct)
    {
        if (page.Problem() is { } problem)
        {
            return problem;
        }

        var query = db.LogisticsCompanies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(l => l.Code.Contains(q) || l.Name.Contains(q));
        }

        if (waybillProvider is { } provider)
        {
            query = query.Where(l => l.WaybillProvider == provider);
        }

        if (supportsCod is { } cod)
        {
            query = query.Where(l => l.SupportsCod == cod);
        }

        return Results.Ok(await query.OrderBy(l => l.Id).ToPageAsync(page, LogisticsCompanyResponse.From, ct));
    }

    private static async Task<IResult> Get(long id, OrchestratorDbContext db, CancellationToken ct) =>
        await db.LogisticsCompanies.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct) is { } company
            ? Results.Ok(LogisticsCompanyResponse.From(company))
            : Problems.NotFound("Logistics company", id);

    private static async Task<IResult> Create(LogisticsCompanyRequest request, OrchestratorDbContext db, CancellationToken ct)
    {
        if (await db.LogisticsCompanies.AnyAsync(l => l.Code == request.Code, ct))
        {
            return Problems.Duplicate("code", $"A logistics company with code '{request.Code}' already exists.");
        }

        var company = new LogisticsCompany { Code = "", Name = "" };
        Apply(company, request);
        db.LogisticsCompanies.Add(company);
        await db.SaveChangesAsync(ct);
        return Results.CreatedAtRoute("GetLogisticsCompany", new { id = company.Id }, LogisticsCompanyResponse.From(company));
    }

    private static async Task<IResult> Update(long id, LogisticsCompanyRequest request, OrchestratorDbContext db, CancellationToken ct)
    {
        var company = await db.LogisticsCompanies.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (company is null)
        {
            return Problems.NotFound("Logistics company", id);
        }

        if (Versioning.Conflict(db, company, request.Version, "Logistics company") is { } conflict)
        {
            return conflict;
        }

        if (await db.LogisticsCompanies.AnyAsync(l => l.Code == request.Code && l.Id != id, ct))
        {
            return Problems.Duplicate("code", $"A logistics company with code '{request.Code}' already exists.");
        }

        Apply(company, request);
        await db.SaveChangesAsync(ct);
        return Results.Ok(LogisticsCompanyResponse.From(company));
    }

    private static void Apply(LogisticsCompany company, LogisticsCompanyRequest request)
    {
        company.Code = request.Code!.Trim();
        company.Name = request.Name!.Trim();
        company.PlatformLogisticsCode = request.PlatformLogisticsCode?.Trim();
        company.SupportsCod = request.SupportsCod ?? false;
        company.WaybillProvider = request.WaybillProvider ?? WaybillProviderKind.None;
        company.IsEnabled = request.IsEnabled ?? true;
    }
}
