using FluentValidation;
using Orchestrator.Workflows.Runtime.Definitions;

namespace Orchestrator.Server.Apis.Shops;

internal sealed class ShopRequestValidator : AbstractValidator<ShopRequest>
{
    public ShopRequestValidator()
    {
        RuleFor(r => r.Code).NotEmpty().MaximumLength(64);
        RuleFor(r => r.Name).NotEmpty().MaximumLength(128);
        RuleFor(r => r.Platform).NotEmpty().MaximumLength(32);
        RuleFor(r => r.AccountingPartner).MaximumLength(128);
        RuleFor(r => r.DefaultEmployee).MaximumLength(64);
        RuleFor(r => r.WorkflowDefinitionId).MaximumLength(DefinitionShape.MaxDefinitionIdLength);
    }
}
