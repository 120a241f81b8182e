using FluentValidation;
using Microsoft.Extensions.Options;

namespace Orchestrator.Server.Apis.Orders;

internal sealed class OrderBatchRequestValidator : AbstractValidator<OrderBatchRequest>
{
    public OrderBatchRequestValidator(IOptions<IntakeOptions> options)
    {
        var max = options.Value.MaxBatchSize;
        RuleFor(b => b.Orders).NotEmpty().WithMessage("orders must hold at least one order.")
            .Must(o => o is null || o.Count <= max).WithMessage(b => $"A batch holds at most {max} orders; this one has {b.Orders!.Count}. Split it.");
        RuleForEach(b => b.Orders).SetValidator(new OrderRequestValidator())
            .When(b => b.Orders is null || b.Orders.Count <= max);
    }
}
