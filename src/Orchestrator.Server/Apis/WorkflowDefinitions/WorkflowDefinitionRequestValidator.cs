using FluentValidation;
using Microsoft.Extensions.Options;
using Orchestrator.Workflows.Runtime.Definitions;

namespace Orchestrator.Server.Apis.WorkflowDefinitions;

internal sealed class WorkflowDefinitionRequestValidator : AbstractValidator<WorkflowDefinitionRequest>
{
    public WorkflowDefinitionRequestValidator(IOptions<WorkflowLimitsOptions> options)
    {
        var limits = options.Value;
        RuleFor(r => r.DefinitionId).NotEmpty().MaximumLength(DefinitionShape.MaxDefinitionIdLength)
            .Matches(DefinitionShape.DefinitionIdPattern()).WithMessage("definitionId may hold only letters, digits, '-', '_' and '.', starting with a letter or digit.");
        RuleFor(r => r.Name).MaximumLength(DefinitionShape.MaxNameLength);
        RuleFor(r => r.Root).NotNull();
        RuleFor(r => r.Root!.Activities.Count).LessThanOrEqualTo(limits.MaxActivities).OverridePropertyName("root.activities")
            .WithMessage(r => $"A workflow has at most {limits.MaxActivities} activities (Workflows:MaxActivities); this one has {r.Root!.Activities.Count}.")
            .When(r => r.Root?.Activities is not null);
        RuleFor(r => r.Root!.Connections.Count).LessThanOrEqualTo(limits.MaxConnections).OverridePropertyName("root.connections")
            .WithMessage(r => $"A workflow has at most {limits.MaxConnections} connections (Workflows:MaxConnections); this one has {r.Root!.Connections.Count}.")
            .When(r => r.Root?.Connections is not null);
    }
}
