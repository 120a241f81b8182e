using FluentValidation;

namespace Orchestrator.Server.Apis.Pull;

internal sealed class PullScheduleRequestValidator : AbstractValidator<PullScheduleRequest>
{
    public PullScheduleRequestValidator() =>
        RuleFor(r => r.IntervalMinutes).InclusiveBetween(0, 24 * 60)
            .WithMessage("intervalMinutes is 1 to 1440 (Orleans reminders tick at most once a minute), or 0/null for no schedule.");
}
