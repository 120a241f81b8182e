using FluentValidation;
using Orchestrator.Workflows.Runtime.Definitions;

namespace Orchestrator.Server.Apis.WorkflowDefinitions;

internal sealed class WorkflowDefinitionRequestValidator : AbstractValidator<WorkflowDefinitionRequest>
{
    public WorkflowDefinitionRequestValidator()
    {
        RuleFor(r => r.DefinitionId).NotEmpty().MaximumLength(DefinitionShape.MaxDefinitionIdLength)
            .Matches(DefinitionShape.DefinitionIdPattern()).WithMessage("definitionId may hold only letters, digits, '-', '_' and '.', starting with a letter or digit.");
        RuleFor(r => r.Name).MaximumLength(DefinitionShape.MaxNameLength);
        RuleFor(r => r.Root).NotNull();
    }
}
