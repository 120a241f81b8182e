using FluentValidation;

namespace Orchestrator.Server.Apis.LogisticsCompanies;

internal sealed class LogisticsCompanyRequestValidator : AbstractValidator<LogisticsCompanyRequest>
{
    public LogisticsCompanyRequestValidator()
    {
        RuleFor(r => r.Code).NotEmpty().MaximumLength(64);
        RuleFor(r => r.Name).NotEmpty().MaximumLength(128);
        RuleFor(r => r.PlatformLogisticsCode).MaximumLength(64);
        RuleFor(r => r.WaybillProvider).IsInEnum();
    }
}
