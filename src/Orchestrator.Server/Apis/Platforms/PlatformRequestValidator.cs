using FluentValidation;

namespace Orchestrator.Server.Apis.Platforms;

internal sealed class PlatformRequestValidator : AbstractValidator<PlatformRequest>
{
    public PlatformRequestValidator()
    {
        RuleFor(r => r.Code).NotEmpty().MaximumLength(32).Matches("^[a-z0-9][a-z0-9_-]*$")
            .WithMessage("code must be lower-case letters, digits, '-' or '_'.");
        RuleFor(r => r.Name).NotEmpty().MaximumLength(128);
    }
}
