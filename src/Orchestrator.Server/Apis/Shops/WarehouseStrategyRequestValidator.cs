using FluentValidation;

namespace Orchestrator.Server.Apis.Shops;

internal sealed class WarehouseStrategyRequestValidator : AbstractValidator<WarehouseStrategyRequest>
{
    public WarehouseStrategyRequestValidator()
    {
        RuleFor(r => r.Warehouses).NotNull()
            .Must(w => w is null || w.Select(x => x.WarehouseId).Distinct().Count() == w.Count).WithMessage("A warehouse may appear only once.")
            .Must(w => w is null || w.Select(x => x.Priority).Distinct().Count() == w.Count).WithMessage("Each warehouse needs its own priority.");
        RuleForEach(r => r.Warehouses).ChildRules(w => w.RuleFor(x => x.Priority).InclusiveBetween(1, 999));
    }
}
