using FluentValidation;

namespace Orchestrator.Server.Apis.Warehouses;

internal sealed class WarehouseRequestValidator : AbstractValidator<WarehouseRequest>
{
    public WarehouseRequestValidator()
    {
        RuleFor(r => r.Code).NotEmpty().MaximumLength(64);
        RuleFor(r => r.Name).NotEmpty().MaximumLength(128);
        RuleFor(r => r.Province).NotEmpty().MaximumLength(64);
        RuleFor(r => r.City).NotEmpty().MaximumLength(64);
        RuleFor(r => r.District).MaximumLength(64);
        RuleFor(r => r.Address).NotEmpty().MaximumLength(512);
        RuleFor(r => r.ContactName).MaximumLength(64);
        RuleFor(r => r.ContactPhone).MaximumLength(32);
    }
}
