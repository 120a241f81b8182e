using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Domain.MasterData;
using Orchestrator.Persistence;

using Orchestrator.Server.Security;

namespace Orchestrator.Server.Apis.LogisticsCompanies;

/// <summary>A carrier's whole freight template (运费模板), replaced at once; <c>province</c> <c>*</c> is everywhere else.</summary>
public sealed record FreightTemplateRequest(IReadOnlyList<FreightRateRequest>? Rates);

public sealed record FreightRateRequest(string? Province, decimal? FirstWeightKg, decimal? FirstFee, decimal? AdditionalUnitKg, decimal? AdditionalFee);

public sealed record FreightRateResponse(string Province, decimal FirstWeightKg, decimal FirstFee, decimal AdditionalUnitKg, decimal AdditionalFee)
{
    public static FreightRateResponse From(FreightRate r) => new(r.Province, r.FirstWeightKg, r.FirstFee, r.AdditionalUnitKg, r.AdditionalFee);
}

internal sealed class FreightTemplateRequestValidator : AbstractValidator<FreightTemplateRequest>
{
    public FreightTemplateRequestValidator()
    {
        RuleFor(r => r.Rates).NotNull().Must(r => r is null || r.Count <= 100).WithMessage("A template has at most 100 rows.")
            .Must(r => r is null || r.Select(x => x.Province?.Trim()).Distinct().Count() == r.Count).WithMessage("Each province appears once.");
        RuleForEach(r => r.Rates).ChildRules(rate =>
        {
            rate.RuleFor(x => x.Province).NotEmpty().MaximumLength(32);
            rate.RuleFor(x => x.FirstWeightKg).NotNull().GreaterThan(0).LessThanOrEqualTo(1000);
            rate.RuleFor(x => x.FirstFee).NotNull().GreaterThanOrEqualTo(0).LessThan(100_000);
            rate.RuleFor(x => x.AdditionalUnitKg).GreaterThan(0).LessThanOrEqualTo(1000);
            rate.RuleFor(x => x.AdditionalFee).NotNull().GreaterThanOrEqualTo(0).LessThan(100_000);
        });
    }
}

/// <summary>GET and PUT of a carrier's freight template, used by weigh-ship to price each package.</summary>
internal static class FreightRatesApi
{
    public static IEndpointRouteBuilder MapFreightRatesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/logistics-companies/{id:long}/freight-rates").WithTags("Logistics companies");
        group.MapGet("/", Get).ForReaders();
        group.MapPut("/", Replace).Validate<FreightTemplateRequest>().ForOpsLeads();
        return routes;
    }

    private static async Task<IResult> Get(long id, OrchestratorDbContext db, CancellationToken ct) =>
        await db.LogisticsCompanies.AnyAsync(l => l.Id == id, ct)
            ? Results.Ok(await Rates(db, id, ct))
            : Problems.NotFound("Logistics company", id);

    private static async Task<IResult> Replace(long id, FreightTemplateRequest request, OrchestratorDbContext db, CancellationToken ct)
    {
        if (!await db.LogisticsCompanies.AnyAsync(l => l.Id == id, ct))
        {
            return Problems.NotFound("Logistics company", id);
        }

        // The old rows go and the new ones come in one transaction: a failure leaves the old template whole.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.FreightRates.RemoveRange(await db.FreightRates.Where(r => r.LogisticsCompanyId == id).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        db.FreightRates.AddRange(request.Rates!.Select(r => new FreightRate
        {
            LogisticsCompanyId = id,
            Province = r.Province!.Trim(),
            FirstWeightKg = r.FirstWeightKg!.Value,
            FirstFee = r.FirstFee!.Value,
            AdditionalUnitKg = r.AdditionalUnitKg ?? 1m,
            AdditionalFee = r.AdditionalFee!.Value,
        }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Results.Ok(await Rates(db, id, ct));
    }

    private static async Task<List<FreightRateResponse>> Rates(OrchestratorDbContext db, long id, CancellationToken ct) =>
        (await db.FreightRates.AsNoTracking().Where(r => r.LogisticsCompanyId == id).OrderBy(r => r.Province).ToListAsync(ct))
            .Select(FreightRateResponse.From).ToList();
}
